// The book's own script (added by _ext/book_pages.py), loaded after sphinx-copybutton's copybutton.js.
// sphinx-copybutton 0.5 has no Korean messages and picks its language while it loads: add Korean and pick it.
/* global messages, locale: writable */
if (document.documentElement.lang === "ko" && typeof messages !== "undefined" && typeof locale !== "undefined") {
  messages.ko = {
    copy: "복사",
    copy_to_clipboard: "클립보드에 복사",
    copy_success: "복사했습니다!",
    copy_failure: "복사하지 못했습니다",
  };
  locale = "ko";
}

// Accessibility (axe-core checks every page in tests/book/test_accessibility.py).
document.addEventListener("DOMContentLoaded", () => {
  // The sidebar's title link and search button sit outside any landmark (axe: region); the theme names the chapter
  // list "Main" in English.
  const start = document.querySelector(".bd-sidebar-primary .sidebar-primary-items__start");
  if (start) {
    start.setAttribute("role", "region");
    start.setAttribute("aria-label", "책 제목과 검색, 차례");
  }
  document.querySelectorAll("nav.bd-docs-nav[aria-label='Main']").forEach((nav) => nav.setAttribute("aria-label", "책의 차례"));
  // sphinx-togglebutton's buttons (dropdowns on .md pages) carry an English label.
  document.querySelectorAll("button.toggle-button[aria-label='Toggle hidden content']").forEach((button) => {
    button.setAttribute("aria-label", "숨긴 내용 펼치기");
  });
});

// A box that scrolls sideways (a wide table, display math on a phone) must be reachable by keyboard to be scrolled
// (axe: scrollable-region-focusable); the theme does this for code and outputs, not for tables. As the theme does:
// focusable while it scrolls, re-checked when the window changes size.
function focusScrollingBoxes() {
  document.querySelectorAll(".pst-scrollable-table-container, .table-wrapper, mjx-container[display='true']")
    .forEach((box) => {
      const scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (scrolls) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
}
window.addEventListener("load", focusScrollingBoxes);
window.addEventListener("resize", () => {
  clearTimeout(window.focusScrollingTimer);
  window.focusScrollingTimer = setTimeout(focusScrollingBoxes, 200);
});

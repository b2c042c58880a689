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

"""The "직접 그려 보기" page (book/draw.md): the book's own models run in the reader's browser.

- onnxruntime-web (npm, through vendor.py: sha512-checked, cached, offline after the first build) is copied into the
  site as `_static/onnxruntime-web/`: its WebAssembly build only, run with one thread.
- The exported models (helpers/trained/*.onnx, from scripts/export_models.py), the page's test images and the
  preprocessing specification (helpers/own_image_spec.json, the one helpers.prepare_own_image follows) land in
  `_static/draw/`, with `models.json`: what the page needs to know of each model, taken from manifest.json.
- Only that page loads the runtime and `draw.js`.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import vendor
from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parents[1]
HELPERS = ROOT / "helpers"
PAGE = "book/draw"
TITLES = {"cnn": "6장의 모델", "strong": "10장의 더 강한 모델"}


def page_config(manifest: dict) -> dict:
    # helpers.CLASS_NAMES_KO, read from its source: importing helpers would import TensorFlow into the build
    tree = ast.parse((HELPERS / "data.py").read_text(encoding="utf-8"))
    (names,) = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["CLASS_NAMES_KO"]
    ]
    models = {
        name: {
            "title": TITLES[name],
            "file": entry["onnx"]["file"],
            "input": entry["onnx"]["input"],
            "outputs": entry["onnx"]["outputs"],
            "feature_layers": entry["onnx"]["feature_layers"],
            "test_accuracy": round(entry["evaluation"]["test_accuracy"], 4),
        }
        for name, entry in manifest.items()
        if name in TITLES
    }
    return {"class_names": list(names), "models": models}


def stage(folder: Path) -> Path:
    """`folder/draw/`: the models, the test images, the specification and models.json, fresh for this build."""
    manifest = json.loads((HELPERS / "trained" / "manifest.json").read_text(encoding="utf-8"))
    target = folder / "draw"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    config = page_config(manifest)
    for model in config["models"].values():
        shutil.copy2(HELPERS / "trained" / model["file"], target)
    shutil.copy2(HELPERS / "trained" / manifest["cnn"]["onnx"]["test_samples"]["file"], target)
    shutil.copy2(HELPERS / "own_image_spec.json", target)
    (target / "models.json").write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return folder


def configure(app, config) -> None:
    try:
        runtime = vendor.unpacked("onnxruntime-web")
    except vendor.VendorError as error:
        raise ExtensionError(str(error)) from None
    staged = stage(Path(app.doctreedir).parent / "draw-static")
    config.html_static_path = [*config.html_static_path, str(runtime), str(staged)]


def page_scripts(app, pagename, templatename, context, doctree) -> None:
    if pagename == PAGE:
        app.add_js_file("onnxruntime-web/ort.wasm.min.js")
        app.add_js_file("draw.js", defer="defer")


def setup(app):
    app.connect("config-inited", configure)
    app.connect("html-page-context", page_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

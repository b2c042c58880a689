"""Browser libraries the book ships (MathJax, the browser-model runtime onnxruntime-web) and axe-core, which its
tests run in the browser.

Each is an npm tarball fetched once with pooch, checked against npm's published `dist.integrity` (sha512), and
unpacked into a cache, so the book builds offline afterwards and no page loads anything from another server. To add
one: `npm view NAME@VERSION dist.integrity` gives the hash; `keep` names the parts of the tarball the book serves.
"""

from __future__ import annotations

import base64
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # npm's dist.integrity, "sha512-<base64>"
    keep: tuple[str, ...]  # path prefixes inside the tarball to unpack (after "package/")
    strip: str = ""  # a prefix removed from the kept paths
    folder: str = ""  # the folder they land in (default: the package name)
    drop: tuple[str, ...] = ()  # name endings left out of the kept paths (source maps)

    @property
    def url(self) -> str:
        return f"https://registry.npmjs.org/{self.name}/-/{self.name.rsplit('/', 1)[-1]}-{self.version}.tgz"

    @property
    def sha512_hex(self) -> str:
        return base64.b64decode(self.integrity.removeprefix("sha512-")).hex()


PACKAGES = {
    # tex-chtml.js, its fonts, and the TeX extensions its autoload fetches on first use of a macro like \boldsymbol
    "mathjax": NpmPackage(
        "mathjax",
        "3.2.2",
        "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==",
        keep=("es5/tex-chtml.js", "es5/output/chtml/fonts/woff-v2/", "es5/input/tex/extensions/"),
        strip="es5/",
    ),
    # The "직접 그려 보기" page's runtime: the WebAssembly-only build (no WebGPU/WebGL), its SIMD module and loader.
    # One thread: threads need cross-origin isolation, which GitHub Pages cannot turn on.
    "onnxruntime-web": NpmPackage(
        "onnxruntime-web",
        "1.30.0",
        "sha512-q0y+JrrtukXSzsBWEMccVfqX25LRmosXHF+CaRJmg8pZClzcV7svNc4rKY3jL02Vb7QmRMDs1SigqR4CXAfKYQ==",
        keep=("dist/ort.wasm.min.js", "dist/ort-wasm-simd-threaded.wasm", "dist/ort-wasm-simd-threaded.mjs"),
        strip="dist/",
        drop=(".map",),
    ),
    # the accessibility checker the book's tests run in Chromium (tests/book/test_accessibility.py); not served
    "axe-core": NpmPackage(
        "axe-core",
        "4.14.1",
        "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
        keep=("axe.min.js",),
    ),
}


class VendorError(RuntimeError):
    """A library could not be downloaded, or what came differs from what npm published."""


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "cnn-course-ko"


def tarball(package: NpmPackage, cache: Path, url: str | None = None) -> Path:
    """The package's verified tarball in `cache`, downloaded once (pooch keeps nothing that fails the hash)."""
    import pooch

    url = url or package.url
    try:
        path = pooch.retrieve(
            url,
            known_hash=f"sha512:{package.sha512_hex}",
            fname=f"{package.name.replace('/', '-')}-{package.version}.tgz",
            path=cache,
            progressbar=False,
        )
    except ValueError as error:  # pooch: the hash differs
        raise VendorError(
            f"내려받은 {url} 의 sha512가 npm에 공개된 값과 다릅니다. 다시 빌드해 보세요.\n"
            f"The sha512 of the downloaded {url} differs from npm's published integrity; build again. ({error})"
        ) from None
    except Exception as error:  # requests' connection errors and OSError: no network, no registry
        target = cache / f"{package.name.replace('/', '-')}-{package.version}.tgz"
        raise VendorError(
            f"{package.name} {package.version}을(를) 내려받지 못했습니다({error.__class__.__name__}). 인터넷에 연결해 "
            f"한 번 빌드하거나, 다른 컴퓨터에서 {url} 을(를) 받아 {target} 에 두세요. 한 번 받으면 오프라인에서도 "
            f"빌드됩니다.\nCould not download {package.name} {package.version} ({error.__class__.__name__}). Build "
            f"once with internet access, or fetch {url} elsewhere and put it at {target}; after that the book builds "
            "offline."
        ) from None
    return Path(path)


def unpacked(name: str, cache: Path | None = None, url: str | None = None) -> Path:
    """A folder holding `<folder>/…`: the kept files of package `name`, extracted once from its verified tarball."""
    package = PACKAGES[name]
    cache = cache or cache_dir()
    folder = package.folder or package.name.rsplit("/", 1)[-1]
    static = cache / f"{folder}-{package.version}"
    if (static / folder).is_dir():
        return static
    cache.mkdir(parents=True, exist_ok=True)
    archive_path = tarball(package, cache, url)
    staging = Path(tempfile.mkdtemp(dir=cache, prefix=f"{folder}-"))
    with tarfile.open(archive_path) as archive:
        wanted = [
            member
            for member in archive.getmembers()
            if member.isfile()
            and member.name.removeprefix("package/").startswith(package.keep)
            and not member.name.endswith(package.drop)
        ]
        for member in wanted:
            member.name = f"{folder}/" + member.name.removeprefix("package/").removeprefix(package.strip)
        archive.extractall(staging, members=wanted, filter="data")
    try:
        os.replace(staging, static)
    except OSError:  # another build extracted it meanwhile
        shutil.rmtree(staging, ignore_errors=True)
    return static

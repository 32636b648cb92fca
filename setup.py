"""budgetrec: the Python package (bindings/python) around libcore.

Built by `make venv` (part of `make demo` and `make test`) against the static
libcore in build/ (BUDGETREC_BUILD overrides), for /usr/bin/python3,
installed into .venv.  The bundled plugins (build/plugins/*.so) are copied
into the package (budgetrec/plugins/), and the public headers into
budgetrec/include/ so that plugin authors can build against the installed
package (budgetrec.get_include()).
"""
import glob
import os
import shutil

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("BUDGETREC_BUILD", os.path.join(HERE, "build"))
SRC = os.path.join("bindings", "python", "src")


class build_py_with_plugins(build_py):
    """build_py, plus the bundled plugins and the public headers."""

    def run(self):
        super().run()
        pkg = os.path.join(self.build_lib, "budgetrec")
        plugins = sorted(glob.glob(os.path.join(BUILD, "plugins", "*.so")))
        if not plugins:
            raise SystemExit(f"no plugins in {BUILD}/plugins: run `make build` first")
        os.makedirs(os.path.join(pkg, "plugins"), exist_ok=True)
        for so in plugins:
            self.copy_file(so, os.path.join(pkg, "plugins", os.path.basename(so)))
        include = os.path.join(pkg, "include", "budgetrec")
        os.makedirs(include, exist_ok=True)
        for h in sorted(glob.glob(os.path.join(HERE, "libcore", "include", "budgetrec", "*.h"))):
            self.copy_file(h, os.path.join(include, os.path.basename(h)))


core = Extension(
    "budgetrec._core",
    sources=sorted(os.path.join(SRC, f) for f in os.listdir(os.path.join(HERE, SRC))
                   if f.endswith(".c")),
    # relink when libcore changes, not only when these sources do
    depends=sorted(glob.glob(os.path.join(SRC, "*.h"))) + [os.path.join(BUILD, "libbudgetrec.a")],
    include_dirs=[os.path.join(HERE, "libcore", "include")],
    define_macros=[("BR_STATIC", "1")],
    extra_objects=[os.path.join(BUILD, "libbudgetrec.a")],
    libraries=["ffi", "utf8proc", "dl", "pthread"],
    # libcore's symbols serve this module only: not exported from it
    extra_link_args=["-Wl,--exclude-libs,ALL"],
    extra_compile_args=["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter",
                        "-fvisibility=hidden"],
)

setup(
    name="budgetrec",
    version="0.1.0",
    description="Reconcile government department budget disclosures",
    package_dir={"": "bindings/python"},
    packages=["budgetrec"],
    ext_modules=[core],
    cmdclass={"build_py": build_py_with_plugins},
    options={"build": {"build_base": os.path.join(BUILD, "python")}},
    python_requires=">=3.11",
)

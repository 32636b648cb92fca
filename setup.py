"""budgetrec: the Python package (bindings/python) around libcore.

Built by `make venv` (part of `make demo` and `make test`) against the static
libcore in build/, for /usr/bin/python3, installed into .venv.
"""
import os

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get("BUDGETREC_BUILD", os.path.join(HERE, "build"))

core = Extension(
    "budgetrec._core",
    sources=["bindings/python/src/module.c"],
    include_dirs=[os.path.join(HERE, "libcore", "include")],
    extra_objects=[os.path.join(BUILD, "libbudgetrec.a")],
    libraries=["ffi", "utf8proc", "dl", "pthread"],
    extra_compile_args=["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter"],
)

setup(
    name="budgetrec",
    version="0.1.0",
    description="Reconcile government department budget disclosures",
    package_dir={"": "bindings/python"},
    packages=["budgetrec"],
    ext_modules=[core],
    python_requires=">=3.11",
)

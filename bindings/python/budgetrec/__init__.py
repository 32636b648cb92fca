"""budgetrec — reconcile government department budget disclosures.

    import budgetrec as br
    d = br.load("disclosure.txt")            # Disclosure
    d.tables["gpb_basic"].to_pandas()         # DataFrame of Decimal (numbers="float" on request)
    r = d.check()                             # Report: r.findings, r.errors, r.to_pandas()
    run = br.check_many(["dir/"], jobs=2)     # Run: run.findings, run.summary (DataFrames)

    @br.check("mine.rule", inputs=["gpb_basic", "narrative"])
    def rule(basic, narrative, report):
        report.add("warning", "…", table="gpb_basic", row="30101", column="total")

    br.load_plugin("path/to/plugin.so")
    br.plugins()                              # DataFrame of readers and checks

The model and the checks are the C library (libcore) and its plugins; this
package is the CPython extension ``budgetrec._core`` around them plus a thin
layer of Python.  Plugins come from the package's own ``plugins/`` directory
(the bundled readers and checks) and from ``BUDGETREC_PLUGIN_PATH``: a list
of directories or ``.so`` files separated by ``os.pathsep``, loaded first.
"""
import os
import stat
import warnings

from budgetrec import _core
from budgetrec._core import (
    Claim,
    Disclosure,
    Error,
    Finding,
    Narrative,
    PluginError,
    ReadError,
    Report,
    Row,
    Table,
    __version__,
    abi_version,
    kinds,
)

__all__ = [
    "Claim", "Disclosure", "Error", "Finding", "Narrative", "PluginError", "ReadError",
    "Report", "Row", "Run", "Table", "__version__", "abi_version", "check", "check_many",
    "get_include", "kinds", "load", "load_plugin", "plugin_dir", "plugins", "unregister",
]

_HERE = os.path.dirname(os.path.abspath(__file__))

#: Where the bundled reader and check plugins are installed.
plugin_dir = os.path.join(_HERE, "plugins")

_MAX_INPUT_BYTES = 512 * 1024 * 1024  # as libcore's reader: larger inputs are refused


def _make_registry():
    reg = _core.Registry()
    for entry in os.environ.get("BUDGETREC_PLUGIN_PATH", "").split(os.pathsep):
        if not entry:
            continue
        if os.path.isdir(entry):
            reg.load_dir(entry)
        else:
            try:
                reg.load(entry)
            except PluginError:
                pass  # recorded in reg.messages, reported below
    if os.path.isdir(plugin_dir):
        reg.load_dir(plugin_dir)
    for message in reg.messages:
        warnings.warn(f"budgetrec: {message}", RuntimeWarning, stacklevel=3)
    return reg


#: The registry every function of this package uses.
_registry = _make_registry()
_core._set_default_registry(_registry)


def _read_file(path):
    """The bytes of `path`, or a ReadError worded as the command line's."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise _core._read_error(path, 0, f"cannot open: {e.strerror}", "BR_ERR_IO") from None
    if stat.S_ISDIR(st.st_mode):
        raise _core._read_error(path, 0, "is a directory, not a disclosure file", "BR_ERR_IO")
    if not stat.S_ISREG(st.st_mode):
        raise _core._read_error(path, 0, "not a regular file", "BR_ERR_IO")
    if st.st_size > _MAX_INPUT_BYTES:
        raise _core._read_error(
            path, 0, f"file too large ({st.st_size} bytes; limit {_MAX_INPUT_BYTES})",
            "BR_ERR_INPUT")
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise _core._read_error(path, 0, f"cannot open: {e.strerror}", "BR_ERR_IO") from None


def _source(source, name):
    """(bytes, path) of one source: a path, the text itself or bytes."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "<bytes>"
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        return source.encode("utf-8"), name or "<text>"
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return _read_file(path), name or path
    raise TypeError(f"load() wants a path, text or bytes, not {type(source).__name__}")


def load(source, *more, format=None, name=None):
    """Read one disclosure into the exact model.

    `source` is a path (str or os.PathLike), the text itself (a str with a
    line break) or the bytes of a file.  `format` names the reader to use
    (see plugins(); default: the reader most confident it can read it).
    `name` names an in-memory source in findings (default "<text>" /
    "<bytes>").  Raises ReadError (.path, .line, .reason) when the input
    cannot be read.  A text input in GB18030 (GBK) is converted to UTF-8
    (Disclosure.encoding says so).

    Several sources — ``load(narrative, tables)`` or ``load([narrative,
    tables])`` — are ONE disclosure published as separate files: each is
    read, then they are joined in order; every row, claim and finding keeps
    the file it came from (``.file``), and ``Disclosure.parts`` lists them.
    `name` may then be a list, one name per source.
    """
    sources = list(source) if isinstance(source, (list, tuple)) else [source]
    sources += more
    if not sources:
        raise TypeError("load() wants at least one source")
    names = list(name) if isinstance(name, (list, tuple)) else [name] + [None] * (len(sources) - 1)
    if len(names) != len(sources):
        raise ValueError(f"load() got {len(sources)} sources but {len(names)} names")
    read = [_source(s, n) for s, n in zip(sources, names)]
    if len(read) == 1 and not isinstance(source, (list, tuple)):
        data, path = read[0]
        return _registry.read(data, path, format)
    return _registry.read_parts(read, format)


def load_plugin(path):
    """Load a reader/check plugin (a shared object built against plugin.h).

    Returns the plugin's name; raises PluginError (.path, .reason) when it is
    refused (not loadable, other ABI, incomplete descriptor, duplicate id).
    Its checks then run in every Disclosure.check() and check_many().
    """
    return _registry.load(os.fsdecode(os.fspath(path)))


def plugins():
    """A DataFrame of the loaded readers and checks: kind, id, title,
    description, plugin, version, origin (the .so path, or where a Python
    check is defined)."""
    import pandas as pd

    return pd.DataFrame(
        _registry.listing(),
        columns=["kind", "id", "title", "description", "plugin", "version", "origin"])


def get_include():
    """The directory holding budgetrec/plugin.h, for building plugins
    against the installed package (see examples/plugin/)."""
    return os.path.join(_HERE, "include")


from budgetrec.checks import check, unregister  # noqa: E402
from budgetrec.run import Run, check_many  # noqa: E402

"""budgetrec — reconcile government department budget disclosures.

The notebook API of SPEC §8 (load, check, check_many, @check, load_plugin)
is built on the C extension ``budgetrec._core``; this package is its
skeleton.  The command line is ``build/budgetrec``.
"""
from budgetrec._core import Error, __version__, abi_version

__all__ = ["Error", "__version__", "abi_version"]

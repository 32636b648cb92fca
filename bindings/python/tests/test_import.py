"""The package imports from .venv and speaks the C library's versions."""
import budgetrec


def test_version_is_the_libraries():
    assert budgetrec.__version__ == "0.1.0"


def test_abi_version():
    assert budgetrec.abi_version() == (1, 3)  # ABI 1.3: claim forms


def test_error_is_an_exception():
    assert issubclass(budgetrec.Error, Exception)

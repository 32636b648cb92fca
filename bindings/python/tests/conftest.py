"""Shared fixtures: the reference document, a corpus of generated
disclosures (tools/gen/gen_disclosure.py, fixed seed), Python checks cleaned
up after each test.  Helpers are in brtest_util.py."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from brtest_util import REF, generate  # noqa: E402


@pytest.fixture(scope="session")
def ref_path():
    return str(REF)


@pytest.fixture
def ref(ref_path):
    import budgetrec

    return budgetrec.load(ref_path)


@pytest.fixture(scope="session")
def corpus200(tmp_path_factory):
    """200 generated disclosures (seed 20220)."""
    return generate(tmp_path_factory.mktemp("corpus200"), 200, 20220)


@pytest.fixture(scope="session")
def corpus_injected(tmp_path_factory):
    """20 disclosures, each with one injected change (seed 7)."""
    return generate(tmp_path_factory.mktemp("injected"), 20, 7, "--inject", "all")


@pytest.fixture
def python_checks():
    """Unregisters, after the test, every Python check the test registered."""
    import budgetrec

    before = set(budgetrec._registry.python_checks)
    yield
    for cid in set(budgetrec._registry.python_checks) - before:
        budgetrec.unregister(cid)

"""notebooks/explore.ipynb runs top to bottom (nbclient) on the bundled corpus, writing only to a temp folder."""

from __future__ import annotations

import os
import sys

import pytest

from tests.helpers import REPO

NOTEBOOK = REPO / "notebooks" / "explore.ipynb"
#: A cell taking longer than this fails the run.
CELL_TIMEOUT_S = 300


@pytest.mark.slow
def test_explore_notebook_executes_top_to_bottom(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from ipykernel.kernelspec import install as install_kernel

    # The kernel is this interpreter (the venv), registered in a kernelspec folder of the test's own.
    kernels = tmp_path / "jupyter"
    install_kernel(prefix=str(kernels), kernel_name="newspipe-test")
    monkeypatch.setenv("JUPYTER_PATH", str(kernels / "share" / "jupyter"))
    monkeypatch.setenv("NEWSPIPE_NOTEBOOK_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=CELL_TIMEOUT_S, kernel_name="newspipe-test", resources={"metadata": {"path": str(REPO)}}
    )
    client.execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the plot is shown"
    assert any("<mark" in str(o.get("data", {}).get("text/html", "")) for o in outputs), "displaCy rendered"
    nbformat.write(notebook, tmp_path / "explore.executed.ipynb")
    assert (tmp_path / "out" / "kb.duckdb").exists() and not (REPO / "notebooks" / "kb.duckdb").exists()
    assert sys.executable  # the kernelspec above points at this interpreter

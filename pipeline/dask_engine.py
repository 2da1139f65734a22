"""The Dask engine: parts of the input extracted on the workers of a ``dask.distributed`` cluster.

The driver (``newspipe run --engine dask``) reads the input, cuts it into the same parts as
a local run and submits one task per part. Each task runs ``pipeline.runner.extract_part``
in a thread of a Dask worker: the thread checks a newspipe worker process out of the Dask worker's pool
(``pipeline.workers.POOL``: one process, with its own Extractor, per busy thread, kept for later tasks), so
any ``--nthreads`` is safe and the time budget and dead-worker retry hold as in a local run. The task writes
the part's files straight into ``OUT.parts/``: workers must therefore see
the output directory at the same path as the driver (a shared filesystem). The driver
commits parts to the manifest as tasks finish and assembles the output in input order,
so the bytes are the same as a local run's. See docs/cluster.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

#: Seconds to wait for the scheduler before giving up with a message naming the address.
CONNECT_TIMEOUT_SECONDS = 30


@contextmanager
def dask_executor(scheduler: str) -> Iterator[tuple[Executor, int]]:
    """Connect to the scheduler at ``scheduler``; yield an Executor and the cluster's thread count.

    Tasks are submitted impure (``pure=False``): two parts with equal records are still two tasks.
    """
    try:
        from distributed import Client
    except ImportError as err:
        raise RuntimeError("the dask engine needs dask.distributed: pip install 'newspipe[dask]'") from err
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
    except OSError as err:
        raise RuntimeError(
            f"cannot reach the Dask scheduler at {scheduler} ({err}); start one with `dask scheduler` "
            "and pass its address as --scheduler tcp://HOST:8786"
        ) from err
    try:
        slots = max(1, sum(client.nthreads().values()))
        yield client.get_executor(pure=False), slots
    finally:
        client.close()  # also cancels the tasks of a run that failed or was interrupted

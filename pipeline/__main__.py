"""``python -m pipeline ...`` is the ``newspipe`` command."""

from pipeline.cli import main

raise SystemExit(main())

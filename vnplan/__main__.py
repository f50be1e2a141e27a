"""`python -m vnplan` = the `vnplan` command."""

from vnplan.cli import main

main()

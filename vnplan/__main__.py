"""`python -m vnplan` = the `vnplan` command (the installed `vnplan` script calls `main`)."""

import gc


def main() -> None:
    # Start-up creates objects that live as long as the process (modules, the record's
    # models, the command's parameters): no collection walks them while they are made.
    gc.disable()
    try:
        from vnplan.cli import main as run
    finally:
        gc.enable()
    gc.freeze()
    run()


if __name__ == "__main__":
    main()

"""`python -m vnplan` = the `vnplan` command (the installed `vnplan` script calls `main`)."""

import gc
import os


def main() -> None:
    # pydantic looks for plugins (entry points of every installed distribution) before it
    # builds the first model; the command uses none. PYDANTIC_DISABLE_PLUGINS= loads them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Start-up creates objects that live as long as the process (modules, the record's
    # models, the command's parameters): no collection walks them while they are made.
    gc.disable()
    try:
        from vnplan.cli import main as run
    finally:
        gc.enable()
    gc.freeze()
    try:
        run()
    finally:
        # The process ends here: the interpreter's last collections need not walk what the
        # command made (a tenth of a second after a conversion); its memory goes with it.
        gc.freeze()


if __name__ == "__main__":
    main()

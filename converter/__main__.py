"""`python -m edgar2xbrl ...` is the `edgar2xbrl` command."""
from edgar2xbrl.cli import main

if __name__ == "__main__":
    main(prog_name="edgar2xbrl")

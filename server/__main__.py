"""Purpose: `python3 -m server ...`: `stats` prints the statistics as text (server/stats/cli.py);
anything else is the server's own command line (server/cli.py, the same as serve.py)."""
import sys

if len(sys.argv) > 1 and sys.argv[1] == "stats":
    from .stats.cli import main as stats_main
    sys.exit(stats_main(sys.argv[2:]))
from .cli import main  # noqa: E402

sys.exit(main())

"""Makes tests/ importable, so test modules share ``sample_reports``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

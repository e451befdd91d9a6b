#!/usr/bin/env python3
"""Regenerate dict/countries.tsv, dict/nationalities.tsv, dict/locations.tsv
from the sources and curated tables, then validate them.

    python3 tools/dictgen/build.py        # build + check
    python3 tools/dictgen/build.py -v     # also list location forms left out
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402
import countries  # noqa: E402
import locations  # noqa: E402
import nationalities  # noqa: E402


def main():
    ce = countries.main()
    ne = nationalities.main([e.id for e in ce])
    locations.main(ce + ne, verbose="-v" in sys.argv)
    return check.main()


if __name__ == "__main__":
    sys.exit(main())

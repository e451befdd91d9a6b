"""Entry point of `meson test python`: run this folder's tests with pytest.

Exit 77 (meson: skipped) when pytest is not installed for this interpreter,
and fail when pytest collected no test (its exit 5), so that a missing test
never passes silently.
"""

import os
import sys

try:
    import pytest
except ImportError:
    print("SKIP: pytest is not installed for %s (Debian package: python3-pytest)" % sys.executable)
    sys.exit(77)

here = os.path.dirname(os.path.abspath(__file__))
# -rs lists skipped tests with their reason; no cache folder in the source tree.
rc = pytest.main(["-q", "-rs", "-p", "no:cacheprovider", here] + sys.argv[1:])
if rc == pytest.ExitCode.NO_TESTS_COLLECTED:
    print("FAIL: pytest collected no test in %s" % here)
    sys.exit(1)
sys.exit(int(rc))

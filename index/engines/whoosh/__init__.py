"""The Whoosh engine: everything in newsdesk that imports ``whoosh`` lives in this package.

Importing the package imports Whoosh without the modules it loads for functions newsdesk never
calls (``lean``), checks that the Whoosh internals the engine relies on are there (one clear
error naming the installed Whoosh otherwise) and installs its small fixes.
"""

from index.engines.whoosh.lean import import_whoosh

import_whoosh()

from index.engines.whoosh.fixes import apply, check_internals  # noqa: E402

check_internals()
apply()

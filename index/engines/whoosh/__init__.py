"""The Whoosh engine: everything in newsdesk that imports ``whoosh`` lives in this package.

Importing the package checks that the Whoosh internals the engine relies on are there (one
clear error naming the installed Whoosh otherwise) and installs its small fixes.
"""

from index.engines.whoosh.fixes import apply, check_internals

check_internals()
apply()

from paywire.cli import main

raise SystemExit(main())

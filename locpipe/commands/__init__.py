"""One module per CLI command; see :data:`locpipe.cli.COMMANDS`."""

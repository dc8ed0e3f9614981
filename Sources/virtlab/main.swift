import VirtCLI

Virtlab.start()

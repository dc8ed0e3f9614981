import VirtCLI

Virtlab.main()

from answerlint.cli import main

main()

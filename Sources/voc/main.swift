import VocCLI

VocCommand.runAndExit()

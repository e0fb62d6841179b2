import VocCLI

await VocCommand.runAndExit()

import ArgumentParser

SelfEval.main()

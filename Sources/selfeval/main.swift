print("selfeval")

print("voc")

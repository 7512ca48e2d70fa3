PART = "namespace portion"

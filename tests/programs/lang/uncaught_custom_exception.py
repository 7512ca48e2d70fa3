# lang (phase 3): an uncaught user-defined exception: the last stderr line is "ClassName: message", exit code 1
class ConfigError(Exception):
    def __init__(self, key):
        super().__init__(f"missing key {key!r}")
def load(cfg):
    if "port" not in cfg:
        raise ConfigError("port")
    return cfg["port"]
print(load({"port": 80}))
load({})

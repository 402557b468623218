/**
 * What the Python programs run on a target (the netlink helper and the netlink watch) share: opening namespace
 * files, and stepping into a network namespace by a file descriptor, with os.setns where Python has it (3.12 and
 * later) and libc's setns through ctypes before that. Interpolated into each program after its imports (os and ctypes).
 */
export const PYTHON_SETNS = String.raw`
CLONE_NEWNET = 0x40000000


def setns_network(fd):
    if hasattr(os, "setns"):
        os.setns(fd, CLONE_NEWNET)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "setns")


def open_all(paths):
    """Opens each path (-1: unreadable, as when its namespace is gone)."""
    fds = []
    for path in paths:
        try:
            fds.append(os.open(path, os.O_RDONLY | os.O_CLOEXEC))
        except OSError:
            fds.append(-1)
    return fds
`;

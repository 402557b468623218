/**
 * What the Python programs run on a target (the netlink helper and the netlink watch) share: finding the Python
 * that runs them, opening namespace files, and stepping into a network namespace by a file descriptor.
 */

/**
 * Shell lines that set $python to the system's Python 3, or to nothing where there is none: a version manager's
 * shim would cost more than the work.
 */
export const FIND_PYTHON = `python=
for candidate in /usr/bin/python3 /usr/local/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1; then python=$candidate; break; fi
done
`;

/**
 * Opening namespace files, and setns with os.setns where Python has it (3.12 and later) and libc's setns through
 * ctypes before that. Interpolated into each program after its imports (os and ctypes).
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

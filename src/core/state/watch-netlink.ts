/**
 * A small Python program that follows many namespaces in one process: it opens every namespace first, then steps
 * into each in turn to open a netlink socket subscribed to its link, address and route changes (a socket stays in
 * the namespace it was made in), and steps back. Then it prints `ready` and, for every burst of messages on a
 * socket, that namespace's position. `ip monitor` in each namespace does the same at two or three processes a
 * namespace, which at hundreds of namespaces takes seconds to start; this takes milliseconds. Exit status 3: it
 * cannot step into namespaces here (no right to, or no setns), and `ip monitor` is used instead.
 *
 * Arguments: a name to be seen by in a process list, how many paths follow, the namespaces' paths
 * (`/proc/self/ns/net` for the root one), then anything else; one that cannot be opened is skipped, as
 * `ip monitor` in a namespace that is gone says nothing either.
 */
import { PYTHON_SETNS } from './python-namespaces.js';

export const WATCH_NETLINK_SCRIPT = String.raw`
import ctypes
import errno
import os
import select
import socket
import sys

${PYTHON_SETNS}
# RTMGRP_LINK, RTMGRP_IPV4_IFADDR, RTMGRP_IPV4_ROUTE, RTMGRP_IPV6_IFADDR, RTMGRP_IPV6_ROUTE: the groups of
# ip monitor's link, address and route objects.
GROUPS = 0x1 | 0x10 | 0x40 | 0x100 | 0x400


def main():
    count = int(sys.argv[2])
    paths = sys.argv[3 : 3 + count]
    # Every path is opened before stepping anywhere: /proc/self/ns/net names the namespace this process is in.
    fds = open_all(paths)
    home = os.open("/proc/self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
    sockets = {}
    try:
        for index, fd in enumerate(fds):
            if fd < 0:
                continue
            setns_network(fd)
            sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW | socket.SOCK_NONBLOCK | socket.SOCK_CLOEXEC, 0)
            sock.bind((0, GROUPS))
            sockets[sock.fileno()] = (sock, index)
            os.close(fd)
        setns_network(home)
    except (PermissionError, AttributeError):
        sys.exit(3)
    except OSError as error:
        if error.errno in (errno.EPERM, errno.ENOSYS, errno.EINVAL):
            sys.exit(3)
        raise
    out = os.fdopen(1, "w", buffering=1)
    out.write("ready\n")
    poller = select.poll()
    for fd in sockets:
        poller.register(fd, select.POLLIN)
    while True:
        changed = set()
        for fd, _event in poller.poll():
            sock, index = sockets[fd]
            changed.add(index)
            # Drain what is queued: one line a burst is enough, the reader reads the namespace again.
            while True:
                try:
                    sock.recv(1 << 16)
                except BlockingIOError:
                    break
                except OSError as error:
                    # ENOBUFS: messages were dropped, which says that something changed all the same.
                    if error.errno != errno.ENOBUFS:
                        raise
        out.write("".join("%d\n" % index for index in sorted(changed)))


try:
    main()
except (BrokenPipeError, KeyboardInterrupt):
    pass
`;

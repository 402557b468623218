/**
 * A small Python program that asks the kernel directly (netlink) what `ip` can only tell at a cost that grows
 * with the square of the number of namespaces: which namespace each nsid of a namespace stands for (`ip netns
 * list` opens every name under /run/netns in every namespace it is run in), and how many interfaces each
 * namespace has, in one process for all. It runs on the target wherever Python 3 is installed;
 * `netlink-helper-run.ts` runs it, and its callers fall back to `ip` where it cannot. Exit status 3: the kernel
 * (older than 4.20) cannot answer this way.
 */
import { PYTHON_SETNS } from './python-namespaces.js';

export const NETLINK_HELPER_SCRIPT = String.raw`
# Which namespace does each nsid of a namespace stand for? The kernel keeps nsids per namespace and names them
# only by number; it tells the nsid a given namespace (a file) has, and lists another namespace's nsids with the
# nsid each peer has in the asking one. So this steps into a fresh, empty namespace of its own, gives every
# namespace it was handed an nsid there that it chooses (its index), and then lists each asked namespace's nsids:
# each entry comes back with the asked-for index. Linear in the namespaces and links; nothing outside the
# throwaway namespace is changed, and it ends with this process.
#
# Input (standard input, JSON): {"files": [path, ...], "ask": [[index, [nsid, ...] or null (all)], ...],
# "count": [index, ...]}. Output (standard output, JSON): {"generation": when /run/netns last changed, read before
# anything else; "identities": each file's "device:inode" (null:
# unreadable); "nsids": for each asked index, the wanted nsids as [nsid, index] pairs (index -1: a namespace that
# was not handed over), or null when it could not be read; "links": for each counted index, how many
# interfaces its namespace has (-1: unreadable)}. Counting steps into each namespace in turn, before the rest.
import ctypes
import json
import os
import socket
import struct
import sys

${PYTHON_SETNS}
RTM_NEWLINK = 16
RTM_GETLINK = 18
RTM_NEWNSID = 88
RTM_GETNSID = 90
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NLM_F_DUMP = 0x300
NETNSA_NSID = 1
NETNSA_FD = 3
NETNSA_TARGET_NSID = 4
NETNSA_CURRENT_NSID = 5
SOL_NETLINK = 270
NETLINK_GET_STRICT_CHK = 12
# Requests per write, kept under the socket's default receive buffer so that no answer is dropped.
REQUESTS_PER_WRITE = 64


def unshare_network():
    """Steps into a new, empty network namespace (os.unshare is Python 3.12 and later)."""
    if hasattr(os, "unshare"):
        os.unshare(CLONE_NEWNET)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "unshare")


def message(kind, flags, seq, attributes):
    body = b"\0\0\0\0" + b"".join(struct.pack("=HHi", 8, key, value) for key, value in attributes)
    return struct.pack("=IHHII", 16 + len(body), kind, flags, seq, 0) + body


def messages(data):
    offset = 0
    while offset + 16 <= len(data):
        length, kind, _flags, seq, _pid = struct.unpack_from("=IHHII", data, offset)
        yield kind, seq, data[offset + 16:offset + length]
        offset += max(16, (length + 3) & ~3)


def attributes(payload):
    found = {}
    offset = 4
    while offset + 8 <= len(payload):
        length, key = struct.unpack_from("=HH", payload, offset)
        if length >= 8:
            found[key] = struct.unpack_from("=i", payload, offset + 4)[0]
        offset += max(4, (length + 3) & ~3)
    return found


def give_ids(sock, fds):
    """Gives each open namespace the nsid of its index here; returns the indexes the kernel accepted."""
    given = set()
    pending = [(index, fd) for index, fd in enumerate(fds) if fd >= 0]
    for start in range(0, len(pending), REQUESTS_PER_WRITE):
        chunk = pending[start:start + REQUESTS_PER_WRITE]
        sock.send(b"".join(message(RTM_NEWNSID, NLM_F_REQUEST | NLM_F_ACK, index, [(NETNSA_FD, fd), (NETNSA_NSID, index)]) for index, fd in chunk))
        waiting = len(chunk)
        while waiting:
            for kind, seq, payload in messages(sock.recv(65536)):
                if kind == NLMSG_ERROR:
                    waiting -= 1
                    if struct.unpack_from("=i", payload)[0] == 0:
                        given.add(seq)
    return given


def nsids_of(sock, index, wanted, given, fds):
    """The nsids of namespace number index, each with the index of the namespace it stands for (-1: one not handed
    over). The kernel sends a list of nsids only as far as one message buffer holds (about 900 here); should a
    wanted nsid be missing from it, each namespace is asked for its nsid there instead, which has no such limit."""
    pairs = listed_nsids(sock, index)
    if wanted is None:
        return pairs
    wanted = set(wanted)
    if wanted - {nsid for nsid, _ in pairs}:
        pairs = asked_nsids(sock, index, sorted(given), fds)
    return [pair for pair in pairs if pair[0] in wanted]


def listed_nsids(sock, index):
    sock.send(message(RTM_GETNSID, NLM_F_REQUEST | NLM_F_DUMP, index, [(NETNSA_TARGET_NSID, index)]))
    pairs = []
    while True:
        for kind, _seq, payload in messages(sock.recv(1 << 16)):
            if kind in (NLMSG_DONE, NLMSG_ERROR):
                return pairs
            found = attributes(payload)
            if NETNSA_CURRENT_NSID not in found:
                # A kernel older than 4.20 lists this namespace's own nsids instead: no answer beats a wrong one.
                sys.exit(3)
            pairs.append([found.get(NETNSA_NSID, -1), found[NETNSA_CURRENT_NSID]])


def asked_nsids(sock, index, others, fds):
    """For each other namespace, its nsid inside namespace number index (many questions per write)."""
    pairs = []
    for start in range(0, len(others), REQUESTS_PER_WRITE):
        chunk = others[start:start + REQUESTS_PER_WRITE]
        sock.send(b"".join(message(RTM_GETNSID, NLM_F_REQUEST, other, [(NETNSA_TARGET_NSID, index), (NETNSA_FD, fds[other])]) for other in chunk))
        waiting = len(chunk)
        while waiting:
            for kind, seq, payload in messages(sock.recv(1 << 16)):
                waiting -= 1
                nsid = -1 if kind == NLMSG_ERROR else attributes(payload).get(NETNSA_NSID, -1)
                if nsid >= 0:
                    pairs.append([nsid, seq])
    return pairs


def count_links(fd):
    """How many interfaces the namespace of fd has: a link dump, counted without being read."""
    try:
        setns_network(fd)
    except OSError:
        return -1
    count = 0
    with socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0) as sock:
        sock.bind((0, 0))
        sock.send(message(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, []))
        while True:
            for kind, _seq, _payload in messages(sock.recv(1 << 20)):
                if kind in (NLMSG_DONE, NLMSG_ERROR):
                    return count
                count += kind == RTM_NEWLINK


def main():
    request = json.load(sys.stdin)
    # Read first: a name added or removed from here on makes what this run learns count as older.
    generation = netns_generation()
    # A namespace reached by two paths gets its nsid through the first: the kernel refuses a second, so answers
    # name the first.
    fds = open_all(request["files"])
    links = [count_links(fds[index]) if fds[index] >= 0 else -1 for index in request.get("count", [])]
    nsids = []
    if request.get("ask"):
        unshare_network()
        with socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0) as sock:
            # Without strict checking the kernel ignores a dump request's attributes, the target among them.
            sock.setsockopt(SOL_NETLINK, NETLINK_GET_STRICT_CHK, 1)
            sock.bind((0, 0))
            given = give_ids(sock, fds)
            nsids = [nsids_of(sock, index, wanted, given, fds) if index in given else None for index, wanted in request["ask"]]
    json.dump({"nsids": nsids, "links": links, "identities": [identity(fd) for fd in fds], "generation": generation}, sys.stdout)


def netns_generation():
    """When a name was last added to or removed from /run/netns, as stat -c %.9Y prints it ("none": no folder)."""
    try:
        changed = os.stat("/run/netns").st_mtime_ns
    except FileNotFoundError:
        return "none"
    return "%d.%09d" % (changed // 1000000000, changed % 1000000000)


def identity(fd):
    """The namespace's device and inode, as stat prints them (%d:%i), or None when it could not be opened."""
    if fd < 0:
        return None
    status = os.fstat(fd)
    return "%d:%d" % (status.st_dev, status.st_ino)


main()
`;

"""What the bench scripts' timed steps share: the times file /usr/bin/time wrote and the goal verdict."""


def met(value, goal):
    return "**met**" if value <= goal else "**not met**"


def read_times(work):
    """label -> (wall seconds, peak MB, CPU seconds) from WORK/times.txt (lines: label seconds kB user system)."""
    times = {}
    for line in open(f"{work}/times.txt"):
        label, seconds, kb, user, system = line.split()
        times[label] = (float(seconds), int(kb) / 1024, float(user) + float(system))
    return times

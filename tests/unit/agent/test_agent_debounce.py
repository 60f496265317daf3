"""Per-path coalescing of notifications, with a fake clock."""

from __future__ import annotations

from lanterne.agent.debounce import Debouncer


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_on_one_path_comes_out_once_after_quiet() -> None:
    clock = Clock()
    d = Debouncer(quiet_s=0.4, max_delay_s=30, clock=clock)
    for i in range(10):
        clock.now = i * 0.1
        d.touch("/r", "a.txt")
    assert not d.take_due()  # last touch at 0.9: not quiet yet
    clock.now = 1.35
    assert d.take_due().paths == {("/r", "a.txt")}
    assert not d.take_due()


def test_paths_are_debounced_independently() -> None:
    clock = Clock()
    d = Debouncer(quiet_s=0.4, max_delay_s=30, clock=clock)
    d.touch("/r", "quiet.txt")
    clock.now = 0.3
    d.touch("/r", "busy.txt")
    clock.now = 0.5
    assert d.take_due().paths == {("/r", "quiet.txt")}
    clock.now = 0.8
    assert d.take_due().paths == {("/r", "busy.txt")}


def test_a_path_written_without_pause_is_still_reported_after_max_delay() -> None:
    clock = Clock()
    d = Debouncer(quiet_s=0.4, max_delay_s=5, clock=clock)
    due = []
    for i in range(80):
        clock.now = i * 0.1
        d.touch("/r", "growing.log")
        due.append(d.take_due())
    assert sum(bool(x) for x in due) >= 1


def test_move_chain_collapses_and_waits_for_both_ends() -> None:
    clock = Clock()
    d = Debouncer(quiet_s=0.4, max_delay_s=30, clock=clock)
    d.moved("/r", "a", "b")
    clock.now = 0.2
    d.moved("/r", "b", "c")
    clock.now = 0.5
    assert not d.take_due().moves  # 'b' and 'c' touched at 0.2: the pair is not complete yet
    clock.now = 0.7
    due = d.take_due()
    assert due.moves == {("/r", "a"): "c"}
    assert due.paths == {("/r", "a"), ("/r", "b"), ("/r", "c")}


def test_moving_back_cancels_the_move() -> None:
    clock = Clock()
    d = Debouncer(quiet_s=0.4, max_delay_s=30, clock=clock)
    d.moved("/r", "a", "b")
    d.moved("/r", "b", "a")
    clock.now = 1
    due = d.take_due()
    assert not due.moves
    assert due.paths == {("/r", "a"), ("/r", "b")}

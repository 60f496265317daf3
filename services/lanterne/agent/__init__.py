"""Agent: scans, watches and reconciles file-server roots, emitting FileEvents to a durable log.

    agent = Agent(settings.agent, roots=[Path("/srv/share")], log=SqliteLog(path))
    stats = agent.scan(progress=callback)   # full scan = reconciliation with the checkpoint; ScanStats
    agent.watch(stop)                        # watch + periodic reconciliation until stop (a threading.Event) is set
    verify_signature(event, key)             # check an event signed with settings.agent.signing_key

Modules, one job each: ``filters`` (include/exclude globs), ``scanner`` (walking a root), ``state`` (the checkpoint
tables), ``emitter`` (events + checkpoint in one log transaction), ``reconcile`` (scan vs checkpoint),
``debounce`` and ``watcher`` (notifications to changes), ``signing``, ``ownership``, and ``agent`` (the facade).
"""

from lanterne.agent.agent import Agent
from lanterne.agent.reconcile import ScanStats
from lanterne.agent.signing import sign_event, verify_signature

__all__ = ["Agent", "ScanStats", "sign_event", "verify_signature"]

"""The scheduler: `vigie schedule` runs the jobs of settings.toml at their cron times (Europe/Paris).

- plan.py: which jobs exist and when (pure: config in, job specs out; cron arithmetic);
- jobs.py: the job functions, plain `(config_dir, as_of, …) -> message` (the soak test drives them);
- runner.py: one run of a job: database lease, job-run record, retries when the database is away;
- service.py: APScheduler 3 with its SQLAlchemy job store, SIGTERM; status.py: `vigie status`;
- deadlinks.py: the weekly check of stored calls' links.
"""

package uk.starred.benchmarks.sweep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.dbcp2.BasicDataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import uk.starred.benchmarks.DbSchedulerTables;
import uk.starred.benchmarks.Postgres;
import uk.starred.benchmarks.council.CouncilData;

/**
 * db-scheduler 16.7.1 on two nodes over one PostgreSQL schema, polling with lock-and-fetch
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}), with its documented settings otherwise: ten threads a
 * node. Its table holds one one-time execution for each open item; each due execution's work is
 * recording that it ran, on which node (one insert), after which db-scheduler deletes it.
 */
final class DbSchedulerSweep implements SweepRun.Sweeper {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A clock both nodes read, moved by the run, as Starred's engines read theirs. */
    private static final class Moment implements com.github.kagkarlsson.scheduler.Clock {
        private volatile Instant now = NOW;

        @Override
        public Instant now() {
            return now;
        }
    }

    private final String schema;
    private final BasicDataSource pool1;
    private final BasicDataSource pool2;
    private final Moment clock = new Moment();
    private final int open;
    private final int due;

    DbSchedulerSweep(int open, int due) throws SQLException {
        this.open = open;
        this.due = due;
        schema = Postgres.createSchema("sweep_dbs_");
        pool1 = Postgres.pool(schema, 16);
        pool2 = Postgres.pool(schema, 16);
        DbSchedulerTables.create(pool1);
        CouncilData.execute(pool1, "CREATE TABLE fired (task_instance text NOT NULL, node text NOT NULL)");
        // the first `due` fall due in the hour before now, the next WARM_UP two hours before that, the rest later
        String now = "'" + NOW + "'::timestamptz";
        CouncilData.execute(pool1, "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,"
                + " version, priority) SELECT 'sweep-item', g::text, CASE"
                + " WHEN g <= " + due + " THEN " + now + " - random() * interval '1 hour'"
                + " WHEN g <= " + (due + SweepRun.WARM_UP) + " THEN " + now + " - interval '2 hours'"
                + " - random() * interval '1 hour'"
                + " ELSE " + now + " + interval '2 minutes' + random() * interval '20 days' END, false, 1, 0"
                + " FROM generate_series(1, " + (open + SweepRun.WARM_UP) + ") g");
        // as after a bulk load, and its writes made durable before the measurement, as for Starred
        CouncilData.execute(pool1, "VACUUM ANALYZE scheduled_tasks");
        CouncilData.execute(pool1, "CHECKPOINT");
    }

    private Scheduler node(String name, BasicDataSource pool) {
        OneTimeTask<Void> item = Tasks.oneTime("sweep-item").execute((instance, context) -> {
            try (Connection c = pool.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO fired (task_instance, node) VALUES (?, ?)")) {
                insert.setString(1, instance.getId());
                insert.setString(2, name);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return Scheduler.create(pool, item).schedulerName(new SchedulerName.Fixed(name)).clock(clock)
                .pollUsingLockAndFetch(0.5, 1.0).pollingInterval(Duration.ofSeconds(1)).build();
    }

    @Override
    public SweepRun.Result sweep() throws Exception {
        clock.now = NOW.minus(Duration.ofHours(2));
        run(SweepRun.WARM_UP);
        CouncilData.execute(pool1, "TRUNCATE fired");
        clock.now = NOW;
        Postgres.Blocks blocksBefore = Postgres.blocks(schema);
        long start = System.nanoTime();
        double seconds = run(due) - start;
        Postgres.Blocks blocks = Postgres.blocks(schema).minus(blocksBefore);
        long fired = CouncilData.count(pool1, "SELECT count(DISTINCT task_instance) FROM fired");
        long duplicates = CouncilData.count(pool1, "SELECT count(*) - count(DISTINCT task_instance) FROM fired");
        long notDue = CouncilData.count(pool1, "SELECT count(*) FROM fired WHERE task_instance::int > " + due);

        long byFirst = CouncilData.count(pool1, "SELECT count(*) FROM fired WHERE node = 'node-1'");
        long bySecond = CouncilData.count(pool1, "SELECT count(*) FROM fired WHERE node = 'node-2'");
        return new SweepRun.Result("db-scheduler 16.7.1", open, due, seconds / 1e9, fired, byFirst, bySecond,
                duplicates, Math.max(0, due - fired) + notDue, blocks);
    }

    /** Starts both nodes, waits until the items have run, stops them. @return when the last one ran */
    private long run(int items) throws InterruptedException {
        Scheduler first = node("node-1", pool1);
        Scheduler second = node("node-2", pool2);
        first.start();
        second.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long done;
        try (Connection c = pool1.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM fired")) {
            while (true) {
                try (java.sql.ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= items) {
                        done = System.nanoTime();
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("db-scheduler did not run " + items + " items in 10 minutes");
                }
                Thread.sleep(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            first.stop();
            second.stop();
        }
        return done;
    }

    @Override
    public void close() throws SQLException {
        pool1.close();
        pool2.close();
        Postgres.dropSchema(schema);
    }
}

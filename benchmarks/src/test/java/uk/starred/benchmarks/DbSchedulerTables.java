package uk.starred.benchmarks;

import javax.sql.DataSource;

import uk.starred.benchmarks.council.CouncilData;

/** db-scheduler's PostgreSQL table and indexes, as its documentation gives them. */
public final class DbSchedulerTables {

    private DbSchedulerTables() {
    }

    public static void create(DataSource ds) {
        CouncilData.execute(ds, "CREATE TABLE scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL,"
                + " task_data bytea, execution_time timestamp with time zone NOT NULL, picked boolean NOT NULL,"
                + " picked_by text, last_success timestamp with time zone, last_failure timestamp with time zone,"
                + " consecutive_failures int, last_heartbeat timestamp with time zone, version bigint NOT NULL,"
                + " priority smallint, PRIMARY KEY (task_name, task_instance))");
        CouncilData.execute(ds, "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
        CouncilData.execute(ds, "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
        CouncilData.execute(ds, "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC,"
                + " execution_time ASC)");
    }
}

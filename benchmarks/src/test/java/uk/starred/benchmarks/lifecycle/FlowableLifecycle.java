package uk.starred.benchmarks.lifecycle;

import java.sql.SQLException;
import java.util.UUID;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

import uk.starred.benchmarks.Postgres;

/**
 * Flowable 7.1 running the equivalent BPMN (user tasks with interrupting boundary timers, history
 * level audit) on the same kind of database: each lifecycle starts a process instance and
 * completes its four stage tasks in turn, each found by a task query as a screen would find it.
 */
final class FlowableLifecycle implements LifecycleLoad.Subject {

    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final String schema;

    FlowableLifecycle(String database) throws SQLException {
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        if (database.equals("postgresql")) {
            schema = Postgres.createSchema("flowable_bench_");
            // The schema comes with the connection (currentSchema), where Flowable's schema manager
            // finds it too. Flowable's own databaseSchema setting would set it again at the start of
            // every transaction, a round trip that Flowable in a database of its own never makes.
            config.setJdbcUrl(Postgres.url(schema));
            config.setJdbcDriver("org.postgresql.Driver");
            config.setJdbcUsername("postgres");
            config.setJdbcPassword("");
        } else {
            schema = null;
            config.setJdbcUrl("jdbc:h2:mem:flowable-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64");
            config.setJdbcDriver("org.h2.Driver");
            config.setJdbcUsername("sa");
            config.setJdbcPassword("");
        }
        config.setJdbcMaxActiveConnections(10);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setAsyncExecutorActivate(false);
        engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addClasspathResource("uk/starred/benchmarks/lifecycle/concern.bpmn20.xml").deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    @Override
    public void lifecycle(int thread, long n) {
        ProcessInstance instance = runtime.startProcessInstanceByKey("concern", "child-" + thread + "-" + n);
        for (int stage = 0; stage < 4; stage++) {
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            tasks.complete(task.getId());
        }
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        engine.close();
        if (schema != null) {
            Postgres.dropSchema(schema);
        }
    }
}

package io.kabar.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts one real broker for a whole test run when the system property {@code kabar.test.broker} is true (Failsafe
 * sets it for every module) and publishes its address as {@code spring.embedded.kafka.brokers}.
 */
public final class SharedBroker implements TestExecutionListener {

    /** The system property that carries the shared broker's address to the tests. */
    public static final String ADDRESS = "spring.embedded.kafka.brokers";

    private static final int PARTITIONS = 3;

    private KafkaBroker broker;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Boolean.getBoolean("kabar.test.broker") && broker == null) {
            broker = KafkaBroker.start(PARTITIONS);
            System.setProperty(ADDRESS, broker.bootstrapServers());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (broker != null) {
            broker.close();
            broker = null;
            System.clearProperty(ADDRESS);
        }
    }
}

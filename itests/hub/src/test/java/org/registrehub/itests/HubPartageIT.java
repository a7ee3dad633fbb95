package org.registrehub.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * One hub for the classes that share its configuration and whose assertions do not count what the others did: the
 * suite's runner builds every class's Pax Exam runner before running any, so that the PerSuite reactor boots the hub
 * for the first class and stops it after the last (run one by one, each class would boot and stop its own).
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({AttributionIT.class, ErpIT.class, HotDeployIT.class, HubIT.class, SecuriteIT.class})
public class HubPartageIT {
}

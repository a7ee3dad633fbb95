package org.registrehub.acces.internal;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.registrehub.api.acces.AuthentificationService;
import org.registrehub.api.acces.CompteInterne;

/**
 * The JAAS realm {@code registre}: REST (CXF JAAS filter), SOAP (CXF JAAS interceptor), the Karaf console (sshRealm)
 * and the broker log in through it. Karaf's proxy module loads {@link RegistreLoginModule} from this bundle and
 * hands it the authentication service in its options.
 */
@Component(service = JaasRealm.class, property = "org.apache.karaf.jaas.realm=" + RegistreRealm.NOM)
public class RegistreRealm implements JaasRealm {

    public static final String NOM = "registre";
    static final String OPTION_SERVICE = "org.registrehub.authentification";
    static final String OPTION_INTERNE = "org.registrehub.compteInterne";

    private final AppConfigurationEntry[] entrees;

    /** The hub's broker account, from the broker's bundle when it is installed (the realm serves without it). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    volatile CompteInterne interne;

    @Activate
    public RegistreRealm(@Reference AuthentificationService authentification, BundleContext contexte) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, RegistreLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(contexte.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), contexte);
        options.put(OPTION_SERVICE, authentification);
        options.put(OPTION_INTERNE, (java.util.function.Supplier<CompteInterne>) () -> interne);
        entrees = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
    }

    @Override
    public String getName() {
        return NOM;
    }

    /** Above Karaf's own realms, so that the name {@code registre} is always ours. */
    @Override
    public int getRank() {
        return 10;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entrees.clone();
    }
}

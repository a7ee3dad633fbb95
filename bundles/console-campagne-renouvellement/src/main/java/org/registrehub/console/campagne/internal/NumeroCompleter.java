package org.registrehub.console.campagne.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.registrehub.console.commun.NumeroUniqueCompleter;

/**
 * The numéro completion of the console, registered with this bundle's commands (Karaf finds a command's completer
 * among the services of the command's own bundle).
 */
@Service
public class NumeroCompleter extends NumeroUniqueCompleter {
}

package io.mtlslab.cli;

import io.mtlslab.pki.SubjectName;
import java.util.List;
import picocli.CommandLine.Option;

/** Subject fields shared by the issuing commands; unset fields take the seed's values. */
final class SubjectOptions {

    @Option(names = "--cn", paramLabel = "NAME", description = "Common name (CN).")
    String commonName;

    @Option(names = "--o", paramLabel = "ORG", description = "Organization (O); default MinhaEmpresa.")
    String organization;

    @Option(names = "--ou", paramLabel = "UNIT", description = "Organizational unit (OU), repeatable.")
    List<String> organizationalUnits;

    @Option(names = "--c", paramLabel = "CC", description = "Country, two letters (C); default BR.")
    String country;

    @Option(names = "--st", paramLabel = "STATE", description = "State or province (ST); default Estado.")
    String state;

    @Option(names = "--l", paramLabel = "CITY", description = "Locality (L); default Cidade.")
    String locality;

    @Option(names = "--email", paramLabel = "ADDRESS",
            description = "E-mail address: subject E= and, for clients, an email SAN.")
    String email;

    /** The subject with the seed's values for everything not given ({@code --o ""} leaves O out). */
    SubjectName subject(String defaultOu, String defaultCn) {
        return new SubjectName(or(country, "BR"), or(state, "Estado"), or(locality, "Cidade"),
                or(organization, "MinhaEmpresa"), organizationalUnits != null ? organizationalUnits
                : defaultOu == null ? List.of() : List.of(defaultOu), or(commonName, defaultCn), email)
                .requireCommonName();
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}

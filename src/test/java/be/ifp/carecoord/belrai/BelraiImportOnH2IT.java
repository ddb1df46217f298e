package be.ifp.carecoord.belrai;

import be.ifp.carecoord.support.H2ServerTest;

class BelraiImportOnH2IT extends H2ServerTest implements BelraiImportContract {}

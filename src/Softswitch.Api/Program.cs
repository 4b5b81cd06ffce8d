// Composition root: placeholder until the host work lands.
return 0;

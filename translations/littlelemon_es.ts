<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>DataDirLock</name>
    <message>
        <location filename="../api/server/datadirlock.cpp" line="+33"/>
        <source>%1 is in use by %2 (process %3)</source>
        <translation>%1 está en uso por %2 (proceso %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is in use by another Little Lemon server</source>
        <translation>%1 está en uso por otro servidor Little Lemon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write the lock file in %1: permission denied (run as the directory&apos;s owner)</source>
        <translation>no se puede escribir el archivo de bloqueo en %1: permiso denegado (ejecútelo como el propietario de la carpeta)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot lock %1</source>
        <translation>no se puede bloquear %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon</name>
    <message>
        <location filename="../models/reportcharts.cpp" line="+44"/>
        <source>Nothing to show for this period</source>
        <translation>Nada que mostrar en este periodo</translation>
    </message>
    <message>
        <location line="+91"/>
        <location filename="../models/reportexport.cpp" line="+206"/>
        <source>(no longer on the menu)</source>
        <translation>(ya no está en la carta)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Revenue by hour</source>
        <translation>Ventas por hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales by category</source>
        <translation>Ventas por categoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time in each stage (box: middle half, line: median, dashes: 90%)</source>
        <translation>Tiempo en cada etapa (caja: mitad central, línea: mediana, guiones: 90%)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../models/reportexport.cpp" line="-180"/>
        <source>Counter</source>
        <translation>Mostrador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 to %2</source>
        <translation>%1 a %2</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>section</source>
        <translation>sección</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+47"/>
        <source>quantity</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>revenue</source>
        <translation>ventas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+14"/>
        <source>order</source>
        <translation>pedido</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+14"/>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source</source>
        <translation>origen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stage</source>
        <translation>etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>crew</source>
        <translation>repartidor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>dish id</source>
        <translation>id del plato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dish</source>
        <translation>plato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>line total</source>
        <translation>total de la línea</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>placed after the close</source>
        <translation>hecho después del cierre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancellation undone</source>
        <translation>cancelación deshecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed</source>
        <translation>modificado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <location line="+15"/>
        <location line="+9"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+34"/>
        <location line="+5"/>
        <location line="+4"/>
        <location line="+6"/>
        <location line="+17"/>
        <source>Revenue</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Average ticket</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dishes sold</source>
        <translation>Platos vendidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled orders</source>
        <translation>Pedidos cancelados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of cancelled orders</source>
        <translation>Valor de los pedidos cancelados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders</source>
        <translation>Pedidos (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>By day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By category</source>
        <translation>Por categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By dish</source>
        <translation>Por plato</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+19"/>
        <source>Dish</source>
        <translation>Plato</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delivery crew</source>
        <translation>Repartidores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median, received to delivered</source>
        <translation>Mediana, de recibido a entregado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time in each stage</source>
        <translation>Tiempo en cada etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (still sold out)</source>
        <translation> (sigue agotado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out</source>
        <translation>Agotados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Corrections to closed days</source>
        <translation>Correcciones de días cerrados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed day</source>
        <translation>Día cerrado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrections in all:</source>
        <translation>Total de correcciones:</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+64"/>
        <source>Cannot write %1.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>X report</source>
        <translation>Informe X</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · %2 · time zone %3</source>
        <translation>%1 · %2 · zona horaria %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>LittleLemon::ApiError</name>
    <message>
        <location filename="../models/apierror.cpp" line="+201"/>
        <source>You are not signed in, or your sign-in has expired. Please sign in again.</source>
        <translation>No ha iniciado sesión, o su sesión ha caducado. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not accept your sign-in: %1</source>
        <translation>El servidor no aceptó su inicio de sesión: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are not allowed to do that with your account.</source>
        <translation>Su cuenta no tiene permiso para hacer eso.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server could not find that: it may have been deleted.</source>
        <translation>El servidor no lo encontró: puede que se haya eliminado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not find that: %1</source>
        <translation>El servidor no lo encontró: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone else changed this first. Keep your version or take theirs.</source>
        <translation>Otra persona cambió esto antes. Quédese con su versión o con la de la otra persona.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The server is busy; trying again in %n second(s).</source>
        <translation>
            <numerusform>El servidor está ocupado; se reintentará en %n segundo.</numerusform>
            <numerusform>El servidor está ocupado; se reintentará en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is busy; trying again shortly.</source>
        <translation>El servidor está ocupado; se reintentará en breve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server had a problem (error %1). Your change is kept and will be sent again.</source>
        <translation>El servidor tuvo un problema (error %1). Su cambio se guarda y se enviará de nuevo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the %1: %2</source>
        <translation>el campo «%1»: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused the request: it is too large.</source>
        <translation>El servidor rechazó la solicitud: es demasiado grande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the request (error %1).</source>
        <translation>El servidor rechazó la solicitud (error %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused %1</source>
        <translation>El servidor rechazó %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the request: %1</source>
        <translation>El servidor rechazó la solicitud: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent an answer this program cannot read (HTTP %1).</source>
        <translation>El servidor envió una respuesta que este programa no puede leer (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>LittleLemon::BookingStatus</name>
    <message>
        <location filename="../models/booking.cpp" line="+15"/>
        <source>Booked</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seated</source>
        <translation>En la mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
</context>
<context>
    <name>LittleLemon::BookingsModel</name>
    <message>
        <location filename="../models/bookingsmodel.cpp" line="+128"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guests</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::CategoryModel</name>
    <message>
        <location filename="../models/categorymodel.cpp" line="+42"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Short name</source>
        <translation>Nombre corto</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::ApiClient</name>
    <message>
        <location filename="../api/client/apiclient.cpp" line="+75"/>
        <source>Waiting for the server&apos;s rate limit (%1 s)</source>
        <translation>Esperando el límite de solicitudes del servidor (%1 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the cloud&apos;s rate limit (%1 s)</source>
        <translation>Esperando el límite de solicitudes de la nube (%1 s)</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::ClientErrors</name>
    <message>
        <location filename="../api/client/clienterrors.cpp" line="+34"/>
        <source>Cannot reach the server at %1. Check that this computer is connected to the network and that the server is running.</source>
        <translation>No se puede contactar con el servidor en %1. Compruebe que este equipo está conectado a la red y que el servidor está en marcha.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server at %1 took too long to answer. The network may be slow or the server busy; please try again.</source>
        <translation>El servidor en %1 tardó demasiado en responder. La red puede estar lenta o el servidor ocupado; inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A secure connection to %1 could not be set up (%2). Check that the address is right, including https or http.</source>
        <translation>No se pudo establecer una conexión segura con %1 (%2). Compruebe que la dirección es correcta, incluido el https o http.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The identity of the server at %1 cannot be verified (%2). If this is your restaurant&apos;s own server, compare this fingerprint with the one it shows and trust it in the server settings: %3</source>
        <translation>No se puede verificar la identidad del servidor en %1 (%2). Si es el servidor de su propio restaurante, compare esta huella digital con la que muestra y confíe en él en la configuración del servidor: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request was cancelled.</source>
        <translation>La solicitud se canceló.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server at %1 sent an answer this program cannot read. It may run a different version of Little Lemon.</source>
        <translation>El servidor en %1 envió una respuesta que este programa no puede leer. Puede que tenga otra versión de Little Lemon.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You need to sign in first.</source>
        <translation>Primero tiene que iniciar sesión.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>Su sesión ha caducado. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server no longer accepts your sign-in. Please sign in again.</source>
        <translation>El servidor ya no acepta su sesión. Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The user name or password is not correct.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is busy. Please try again in %1 seconds.</source>
        <translation>El servidor está ocupado. Inténtelo de nuevo dentro de %1 segundos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server is busy. Please try again in a moment.</source>
        <translation>El servidor está ocupado. Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server had a problem (error %1). Please try again in a moment.</source>
        <translation>El servidor tuvo un problema (error %1). Inténtelo de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::SyncEngine</name>
    <message>
        <location filename="../api/client/syncengine_p.h" line="+26"/>
        <source>categories</source>
        <translation>categorías</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>menu items</source>
        <translation>platos del menú</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bookings</source>
        <translation>reservas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tables</source>
        <translation>mesas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <location filename="../api/client/syncengine.cpp" line="+323"/>
        <source>Connecting to %1</source>
        <translation>Conectando con %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Sending change %1 of %2: %3</source>
        <translation>Enviando cambio %1 de %2: %3</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Changed on the server since this edit was made (%1).</source>
        <translation>Cambiado en el servidor después de esta edición (%1).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking on the server for: %1</source>
        <translation>Buscando en el servidor: %1</translation>
    </message>
    <message>
        <location filename="../api/client/syncenginepull.cpp" line="+45"/>
        <source>Reading changes</source>
        <translation>Leyendo cambios</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+48"/>
        <source>Reading %1</source>
        <translation>Leyendo %1</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+48"/>
        <source>Reading %1: page %2 of %3</source>
        <translation>Leyendo %1: página %2 de %3</translation>
    </message>
    <message numerus="yes">
        <location line="+156"/>
        <source>Reading changes: %n applied</source>
        <translation>
            <numerusform>Leyendo cambios: %n aplicado</numerusform>
            <numerusform>Leyendo cambios: %n aplicados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Offline: %1 Changes are kept and sent when the server is back.</source>
        <translation>Sin conexión: %1 Los cambios se guardan y se envían cuando vuelva el servidor.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Client::TokenStore</name>
    <message>
        <location filename="../api/client/tokenstore.cpp" line="+94"/>
        <source>This computer has no password keychain, so your sign-in is kept only until Little Lemon closes. You will be asked for your password next time.</source>
        <translation>Este equipo no tiene un llavero de contraseñas, así que su sesión solo dura hasta que se cierre Little Lemon. La próxima vez se le pedirá la contraseña.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Desk::Screenshotter</name>
    <message>
        <location filename="../app/desk/screenshotter.cpp" line="+154"/>
        <source>Cannot reach the server at 192.168.1.10:8000. Check that it is running and that this computer is on the restaurant&apos;s network.</source>
        <translation>No se puede contactar con el servidor en 192.168.1.10:8000. Compruebe que está en marcha y que este equipo está en la red del restaurante.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Desk::StandaloneServer</name>
    <message>
        <location filename="../app/desk/standaloneserver.cpp" line="+91"/>
        <source>Little Lemon (demo)</source>
        <translation>Little Lemon (demostración)</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+13"/>
        <location line="+30"/>
        <location line="+14"/>
        <location line="+19"/>
        <location line="+21"/>
        <location line="+19"/>
        <source>The restaurant&apos;s server is not running.</source>
        <translation>El servidor del restaurante no está en marcha.</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Cannot serve the network on port %1: %2</source>
        <translation>No se puede dar servicio a la red en el puerto %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This restaurant already has accounts: sign in instead.</source>
        <translation>Este restaurante ya tiene cuentas: inicie sesión con una de ellas.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The staff roles are missing from the database.</source>
        <translation>Faltan las funciones del personal en la base de datos.</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+40"/>
        <source>No account is called %1.</source>
        <translation>No hay ninguna cuenta llamada %1.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::MenuModel</name>
    <message>
        <location filename="../models/menumodel.cpp" line="+115"/>
        <source>Item</source>
        <translation>Plato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Featured</source>
        <translation>Destacado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Choose a category.</source>
        <translation>Elija una categoría.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Money</name>
    <message>
        <location filename="../models/money.cpp" line="+24"/>
        <location line="+25"/>
        <location line="+13"/>
        <location line="+3"/>
        <source>A valid number is required.</source>
        <translation>Se necesita un número válido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ensure that there are no more than 2 decimal places.</source>
        <translation>Use como máximo 2 decimales.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ensure that there are no more than %1 digits before the decimal point.</source>
        <translation>Use como máximo %1 dígitos antes del punto decimal.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ensure this value is greater than or equal to 0.</source>
        <translation>El valor debe ser mayor o igual que 0.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Type a price, such as %1.</source>
        <translation>Escriba un precio, como %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Type the price without thousands separators, such as %1.</source>
        <translation>Escriba el precio sin separador de miles, como %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A price cannot be negative.</source>
        <translation>Un precio no puede ser negativo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A price has at most 2 decimals: %1 is not a price.</source>
        <translation>Un precio tiene como máximo 2 decimales: %1 no es un precio.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A price can be at most %1.</source>
        <translation>Un precio puede ser como máximo %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is not a price; type one such as %2.</source>
        <translation>%1 no es un precio; escriba uno como %2.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OrderStage</name>
    <message>
        <location filename="../models/order.cpp" line="+15"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preparing</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out for delivery</source>
        <translation>En reparto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OrderWorkflow</name>
    <message>
        <location filename="../models/orderworkflow.cpp" line="+34"/>
        <source>A %1 order cannot be cancelled.</source>
        <translation>Un pedido en estado %1 no se puede cancelar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The kitchen moves orders from received to preparing to ready; managers and delivery crew move them on.</source>
        <translation>La cocina lleva los pedidos de recibido a en preparación y a listo; los gerentes y repartidores hacen el resto.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delivery crew take ready orders out and mark them delivered; the kitchen moves the rest.</source>
        <translation>Los repartidores sacan los pedidos listos y los marcan como entregados; la cocina hace el resto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>An order cannot move from %1 to %2: it moves forward one stage at a time, and a manager may step back one stage.</source>
        <translation>Un pedido no puede pasar de %1 a %2: avanza una etapa cada vez, y un gerente puede retroceder una etapa.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OrdersModel</name>
    <message>
        <location filename="../models/ordersmodel.cpp" line="+109"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placed</source>
        <translation>Realizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Outbox</name>
    <message>
        <location filename="../models/outbox.cpp" line="+67"/>
        <location line="+47"/>
        <location filename="../models/outboxedits.cpp" line="+267"/>
        <location line="+22"/>
        <location line="+37"/>
        <source>This record is not in the local copy any more.</source>
        <translation>Este registro ya no está en la copia local.</translation>
    </message>
    <message>
        <location filename="../models/outboxedits.cpp" line="-281"/>
        <location line="+56"/>
        <source>A menu item needs a title.</source>
        <translation>Un plato del menú necesita un nombre.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>A title may have at most %1 characters.</source>
        <translation>Un título puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename %1 to %2</source>
        <translation>Cambiar el nombre de %1 a %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+45"/>
        <source>A price must be between %1 and %2.</source>
        <translation>El precio debe estar entre %1 y %2.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Price of %1: %2</source>
        <translation>Precio de %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feature %1</source>
        <translation>Destacar %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop featuring %1</source>
        <translation>Quitar %1 de los destacados</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is available again</source>
        <translation>%1 vuelve a estar disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has run out</source>
        <translation>%1 se ha agotado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That category is not known here.</source>
        <translation>Esa categoría no se conoce aquí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move %1 to %2</source>
        <translation>Mover %1 a %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a category for the new item.</source>
        <translation>Elija una categoría para el nuevo plato.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add %1 to the menu</source>
        <translation>Añadir %1 al menú</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove %1 from the menu</source>
        <translation>Quitar %1 del menú</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>A category needs a title.</source>
        <translation>Una categoría necesita un nombre.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add the category %1</source>
        <translation>Añadir la categoría %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rename the category %1 to %2</source>
        <translation>Cambiar el nombre de la categoría %1 a %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order %1: %2</source>
        <translation>Pedido %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Order %1 delivered</source>
        <translation>Pedido %1 entregado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order %1 not delivered</source>
        <translation>Pedido %1 no entregado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Order %1: deliver with %2</source>
        <translation>Pedido %1: lo reparte %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order %1: no delivery crew</source>
        <translation>Pedido %1: sin repartidor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An order needs at least one item.</source>
        <translation>Un pedido necesita al menos un artículo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each quantity must be at least 1.</source>
        <translation>Cada cantidad debe ser al menos 1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An item of this order is not on the menu any more.</source>
        <translation>Un artículo de este pedido ya no está en el menú.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>A line&apos;s note may have at most %n character(s).</source>
        <translation>
            <numerusform>La nota de una línea puede tener como máximo %n carácter.</numerusform>
            <numerusform>La nota de una línea puede tener como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>New counter order: %n item(s), %1</source>
        <translation>
            <numerusform>Nuevo pedido en mostrador: %n artículo, %1</numerusform>
            <numerusform>Nuevo pedido en mostrador: %n artículos, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A booking needs a name.</source>
        <translation>Una reserva necesita un nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A booking needs a date and a time.</source>
        <translation>Una reserva necesita fecha y hora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A booking is for at least one guest.</source>
        <translation>Una reserva es para al menos una persona.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Book %1 for %n guest(s) on %2 at %3</source>
        <translation>
            <numerusform>Reservar a nombre de %1 para %n persona el %2 a las %3</numerusform>
            <numerusform>Reservar a nombre de %1 para %n personas el %2 a las %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Change the booking of %1</source>
        <translation>Cambiar la reserva de %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A booking that is %1 cannot become %2.</source>
        <translation>Una reserva en estado %1 no puede pasar a %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Booking of %1: %2</source>
        <translation>Reserva de %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete the booking of %1</source>
        <translation>Eliminar la reserva de %1</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>A table needs a name.</source>
        <translation>Una mesa necesita un nombre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A table has at least one seat.</source>
        <translation>Una mesa tiene al menos un asiento.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Add the table %1</source>
        <translation>Añadir la mesa %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Change the table %1</source>
        <translation>Cambiar la mesa %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove the table %1</source>
        <translation>Quitar la mesa %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the user name of the person to add.</source>
        <translation>Escriba el nombre de usuario de la persona que quiere añadir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already in %2.</source>
        <translation>%1 ya está en %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add %1 to %2</source>
        <translation>Añadir %1 a %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1 from %2</source>
        <translation>Quitar %1 de %2</translation>
    </message>
    <message>
        <location filename="../models/outbox.cpp" line="+233"/>
        <source>Someone else changed this on the server first.</source>
        <translation>Otra persona cambió esto en el servidor antes.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>This change is being sent right now.</source>
        <translation>Este cambio se está enviando ahora mismo.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OutboxEntry</name>
    <message>
        <location filename="../models/outboxentry.cpp" line="+18"/>
        <source>Waiting to be sent</source>
        <translation>Esperando envío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
</context>
<context>
    <name>LittleLemon::OutboxModel</name>
    <message>
        <location filename="../models/outboxmodel.cpp" line="+56"/>
        <source>Waiting for an earlier change</source>
        <translation>Esperando un cambio anterior</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server says</source>
        <translation>El servidor dice</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Permissions</name>
    <message>
        <location filename="../models/permissions.cpp" line="+33"/>
        <source>Only managers, the kitchen and delivery crew move orders along.</source>
        <translation>Solo los gerentes, la cocina y los repartidores mueven los pedidos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This server does not track order stages, so orders cannot be cancelled here.</source>
        <translation>Este servidor no sigue las etapas de los pedidos, así que aquí no se pueden cancelar pedidos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only managers cancel orders.</source>
        <translation>Solo los gerentes cancelan pedidos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers assign delivery crew.</source>
        <translation>Solo los gerentes asignan repartidores.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counter orders need a Little Lemon server or standalone mode.</source>
        <translation>Los pedidos en mostrador necesitan un servidor Little Lemon o el modo independiente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counter orders are taken by managers at the counter.</source>
        <translation>Los pedidos de mostrador los toman los gerentes en el mostrador.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers change menu items.</source>
        <translation>Solo los gerentes cambian los platos del menú.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This server does not keep track of items that ran out; 86&apos;ing needs a Little Lemon server or standalone mode.</source>
        <translation>Este servidor no registra los platos agotados; marcar como agotado necesita un servidor Little Lemon o el modo independiente.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only an administrator adds or deletes menu items.</source>
        <translation>Solo un administrador añade o elimina platos del menú.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only an administrator changes categories.</source>
        <translation>Solo un administrador cambia las categorías.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bookings need a Little Lemon server or standalone mode.</source>
        <translation>Las reservas necesitan un servidor Little Lemon o el modo independiente.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only managers take and change bookings.</source>
        <translation>Solo los gerentes toman y cambian reservas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Tables need a Little Lemon server or standalone mode.</source>
        <translation>Las mesas necesitan un servidor Little Lemon o el modo autónomo.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Only staff see the tables.</source>
        <translation>Solo el personal ve las mesas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only managers set up the tables.</source>
        <translation>Solo los gerentes configuran las mesas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers manage staff.</source>
        <translation>Solo los gerentes gestionan el personal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accounts are created and passwords reset on the server that holds them; here only in standalone mode.</source>
        <translation>Las cuentas se crean y las contraseñas se restablecen en el servidor que las guarda; aquí, solo en modo independiente.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only managers and the kitchen choose the terminal that prints kitchen tickets.</source>
        <translation>Solo los gerentes y la cocina eligen el terminal que imprime las comandas de cocina.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only managers see the day&apos;s figures.</source>
        <translation>Solo los gerentes ven las cifras del día.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::NetworkLink</name>
    <message>
        <location filename="../print/printerlink.cpp" line="+39"/>
        <source>The printer did not confirm the ticket.</source>
        <translation>La impresora no confirmó la comanda.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The printer does not answer.</source>
        <translation>La impresora no responde.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PageLink</name>
    <message>
        <location line="+43"/>
        <source>The printer cannot start a page.</source>
        <translation>La impresora no puede empezar una página.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The folder %1 cannot be created.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The file %1 cannot be written.</source>
        <translation>No se puede escribir el archivo %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system has no printer called %1.</source>
        <translation>El sistema no tiene ninguna impresora llamada %1.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PrintQueue</name>
    <message>
        <location filename="../print/printqueue.cpp" line="+147"/>
        <source>The print queue %1 cannot use a write-ahead log.</source>
        <translation>La cola de impresión %1 no puede usar un registro previo (WAL).</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PrintService</name>
    <message>
        <location filename="../print/printservice.cpp" line="+67"/>
        <source>this terminal</source>
        <translation>este terminal</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::PrintSpooler</name>
    <message>
        <location filename="../print/printspooler.cpp" line="+140"/>
        <source>The print queue cannot be written.</source>
        <translation>No se puede escribir la cola de impresión.</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>%1: %n waiting</source>
        <translation>
            <numerusform>%1: %n en espera</numerusform>
            <numerusform>%1: %n en espera</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, printer not answering since %1</source>
        <translation>, la impresora no responde desde las %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Print::TicketLayout</name>
    <message>
        <location filename="../print/ticket.cpp" line="+171"/>
        <source>Table %1</source>
        <translation>Mesa %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counter</source>
        <translation>Mostrador</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+25"/>
        <location line="+57"/>
        <source>REPRINT %1</source>
        <translation>REIMPRESIÓN %1</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+25"/>
        <source>CHANGED</source>
        <translation>MODIFICADO</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+25"/>
        <location line="+31"/>
        <location line="+24"/>
        <source>Order #%1</source>
        <translation>Pedido n.º %1</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+26"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+22"/>
        <source>%1 each</source>
        <translation>%1 c/u</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+21"/>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test page</source>
        <translation>Página de prueba</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 mm, %2 columns, %3</source>
        <translation>%1 mm, %2 columnas, %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Double size</source>
        <translation>Tamaño doble</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Role</name>
    <message>
        <location filename="../models/user.cpp" line="+36"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kitchen</source>
        <translation>Cocina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery crew</source>
        <translation>Repartidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Managers</source>
        <comment>the people with the role</comment>
        <translation>Gerentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery crew</source>
        <comment>the people with the role</comment>
        <translation>Repartidores</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kitchen</source>
        <comment>the people with the role</comment>
        <translation>Cocina</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Server::PasswordPolicy</name>
    <message>
        <location filename="../api/server/passwordpolicy.cpp" line="+83"/>
        <source>The password is too similar to the username.</source>
        <translation>La contraseña se parece demasiado al nombre de usuario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is too similar to the email address.</source>
        <translation>La contraseña se parece demasiado a la dirección de correo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This password is too short. It must contain at least %1 characters.</source>
        <translation>Esta contraseña es demasiado corta. Debe tener al menos %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This password is too common.</source>
        <translation>Esta contraseña es demasiado común.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This password is entirely numeric.</source>
        <translation>Esta contraseña solo tiene números.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Server::ServerInstance</name>
    <message>
        <location filename="../api/server/serverinstance.cpp" line="+30"/>
        <source>cannot create the data directory %1</source>
        <translation>no se puede crear el directorio de datos %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>cannot load the demo data: %1</source>
        <translation>no se pueden cargar los datos de demostración: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the server is not running</source>
        <translation>el servidor no está en marcha</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Server::UserAdmin</name>
    <message>
        <location filename="../api/server/useradmin.cpp" line="+31"/>
        <source>&quot;%1&quot; is not a valid username: up to 150 letters, digits and @/./+/-/_</source>
        <translation>«%1» no es un nombre de usuario válido: hasta 150 letras, dígitos y @/./+/-/_</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+41"/>
        <source>the password is empty</source>
        <translation>la contraseña está vacía</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>a user named &quot;%1&quot; already exists</source>
        <translation>ya existe un usuario llamado «%1»</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>no user named &quot;%1&quot;</source>
        <translation>no existe ningún usuario llamado «%1»</translation>
    </message>
</context>
<context>
    <name>LittleLemon::ServerEndpoint</name>
    <message>
        <location filename="../api/client/serverendpoint.cpp" line="+17"/>
        <source>&quot;%1&quot; is not a server address. Try something like http://192.168.1.10:8000.</source>
        <translation>«%1» no es una dirección de servidor. Pruebe algo como http://192.168.1.10:8000.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::StaffModel</name>
    <message>
        <location filename="../models/staffmodel.cpp" line="+64"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::SyncState</name>
    <message>
        <location filename="../models/entity.cpp" line="+50"/>
        <source>Saved on the server</source>
        <translation>Guardado en el servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent yet</source>
        <translation>Aún no enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by the server</source>
        <translation>Rechazado por el servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed by someone else</source>
        <translation>Cambiado por otra persona</translation>
    </message>
</context>
<context>
    <name>LittleLemon::TablesModel</name>
    <message>
        <location filename="../models/tablesmodel.cpp" line="+54"/>
        <source>Table</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seats</source>
        <translation>Asientos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync</source>
        <translation>Sinc.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::AccountDialog</name>
    <message>
        <location filename="../ui/accountdialog.cpp" line="+24"/>
        <source>Create the account</source>
        <translation>Crear la cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the password</source>
        <translation>Establecer la contraseña</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New account</source>
        <translation>Nueva cuenta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password for %1</source>
        <translation>Nueva contraseña para %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least 8 characters, not only digits</source>
        <translation>al menos 8 caracteres, no solo números</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Choose a user name.</source>
        <translation>Elija un nombre de usuario.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::BoardSettingsDialog</name>
    <message>
        <location filename="../ui/boardsettingsdialog.cpp" line="+15"/>
        <source>Beep until a new order is acknowledged</source>
        <translation>Pitar hasta que se confirme el pedido nuevo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orders board settings</source>
        <translation>Ajustes del tablero de pedidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Amber after</source>
        <translation>Ámbar después de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red after</source>
        <translation>Rojo después de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beep every</source>
        <translation>Pitar cada</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::BookingDialog</name>
    <message>
        <location filename="../ui/bookingdialog.cpp" line="+38"/>
        <source>Save the booking</source>
        <translation>Guardar la reserva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Book</source>
        <translation>Reservar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Booking of %1</source>
        <translation>Reserva de %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New booking</source>
        <translation>Nueva reserva</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No table yet</source>
        <translation>Aún sin mesa</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (seats %2)</source>
        <translation>%1 (%2 asientos)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guests</source>
        <translation>Personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Mesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 seats %2; the server will say if it can take more.</source>
        <translation>%1 tiene %2 asientos; el servidor dirá si caben más personas.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Booking saved on this terminal; it goes to the server when it is back.</source>
        <translation>Reserva guardada en este terminal; irá al servidor cuando vuelva.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending to the server…</source>
        <translation>Enviando al servidor…</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>Booking saved.</source>
        <translation>Reserva guardada.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The server refused this booking: %1</source>
        <translation>El servidor rechazó esta reserva: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server has not answered yet; the booking stays in the changes waiting.</source>
        <translation>El servidor aún no ha respondido; la reserva queda en los cambios pendientes.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::BookingsPage</name>
    <message>
        <location filename="../ui/bookingspage.cpp" line="+54"/>
        <location line="+65"/>
        <source>New booking…</source>
        <translation>Nueva reserva…</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seat</source>
        <translation>Sentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel booking</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day before (Alt+Left)</source>
        <translation>Día anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day after (Alt+Right)</source>
        <translation>Día siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to today (Alt+Home)</source>
        <translation>Volver a hoy (Alt+Inicio)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit the booking…</source>
        <translation>Editar la reserva…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seat the party</source>
        <translation>Sentar al grupo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Party has left (done)</source>
        <translation>El grupo ya se fue (terminada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as no-show</source>
        <translation>Marcar como no presentado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the booking</source>
        <translation>Cancelar la reserva</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Tables</source>
        <translation>Mesas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit tables…</source>
        <translation>Editar mesas…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;h2&gt;Bookings need a Little Lemon server&lt;/h2&gt;&lt;p&gt;This server does not keep table bookings (the Little Lemon cloud has none yet). Bookings work with a Little Lemon server on your network, or in standalone mode on this computer.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Las reservas necesitan un servidor Little Lemon&lt;/h2&gt;&lt;p&gt;Este servidor no guarda reservas de mesa (la nube de Little Lemon aún no las tiene). Las reservas funcionan con un servidor Little Lemon en su red, o en modo independiente en este equipo.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Alt+← / Alt+→</source>
        <translation>Alt+← / Alt+→</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The day before / after</source>
        <translation>Día anterior / siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt+Home</source>
        <translation>Alt+Inicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back to today</source>
        <translation>Volver a hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected booking</source>
        <translation>Editar la reserva seleccionada</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Add, rename or remove the dining room&apos;s tables</source>
        <translation>Añadir, renombrar o quitar las mesas del comedor</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Select a booking first.</source>
        <translation>Seleccione primero una reserva.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <location line="+1"/>
        <source>This booking is %1.</source>
        <translation>Esta reserva está en estado %1.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Only a seated party can be done.</source>
        <translation>Solo se puede terminar un grupo que esté en la mesa.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No bookings on this day.</source>
        <translation>No hay reservas este día.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookings: %1 · guests: %2</source>
        <translation>Reservas: %1 · personas: %2</translation>
    </message>
    <message>
        <location filename="../ui/bookingspage.h" line="+39"/>
        <source>Bookings</source>
        <translation>Reservas</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::CategoriesDialog</name>
    <message>
        <location filename="../ui/categoriesdialog.cpp" line="+26"/>
        <source>Add category</source>
        <translation>Añadir categoría</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menu categories</source>
        <translation>Categorías del menú</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New category, e.g. Specials</source>
        <translation>Nueva categoría, por ejemplo: Especialidades</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::CounterOrderDialog</name>
    <message>
        <location filename="../ui/counterorderdialog.cpp" line="+42"/>
        <source>Send order</source>
        <translation>Enviar pedido</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Counter order</source>
        <translation>Pedido en mostrador</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find an item</source>
        <translation>Buscar un plato</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Item</source>
        <translation>Plato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Note for the kitchen (optional)</source>
        <translation>Nota para la cocina (opcional)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Available items (Enter or tap to add)</source>
        <translation>Platos disponibles (Intro o toque para añadir)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This order</source>
        <translation>Este pedido</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send the order (Ctrl+Enter)</source>
        <translation>Enviar el pedido (Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>0 takes the item off the order</source>
        <translation>0 quita el plato del pedido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. no onions</source>
        <translation>p. ej. sin cebolla</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Printed under this line on the kitchen ticket (at most %n character(s))</source>
        <translation>
            <numerusform>Se imprime bajo esta línea en la comanda de cocina (como máximo %n carácter)</numerusform>
            <numerusform>Se imprime bajo esta línea en la comanda de cocina (como máximo %n caracteres)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Add at least one item to the order.</source>
        <translation>Añada al menos un artículo al pedido.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counter order saved on this terminal; it will be sent to the kitchen when the server is back.</source>
        <translation>Pedido de mostrador guardado en este terminal; se enviará a la cocina cuando vuelva el servidor.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending to the kitchen…</source>
        <translation>Enviando a la cocina…</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Counter order sent to the kitchen.</source>
        <translation>Pedido de mostrador enviado a la cocina.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The server refused this order: %1</source>
        <translation>El servidor rechazó este pedido: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server has not answered yet; the counter order waits in the changes to send.</source>
        <translation>El servidor aún no ha respondido; el pedido de mostrador espera en los cambios por enviar.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::CrewPickerDialog</name>
    <message>
        <location filename="../ui/crewpickerdialog.cpp" line="+21"/>
        <source>Delivery crew for order #%1</source>
        <translation>Repartidor del pedido #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who delivers order #%1?</source>
        <translation>¿Quién reparte el pedido #%1?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nobody is in the delivery crew yet: add people on the Staff page.</source>
        <translation>Aún no hay repartidores: añada personas en la página Personal.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::DeskController</name>
    <message>
        <location filename="../ui/deskcontroller.cpp" line="+179"/>
        <source>Standalone mode is not available here.</source>
        <translation>El modo independiente no está disponible aquí.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The restaurant&apos;s server on this computer did not start: %1</source>
        <translation>El servidor del restaurante en este equipo no se inició: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The cloud&apos;s address starts with https://. Behind a proxy you trust, tick &quot;Allow plain HTTP&quot;.</source>
        <translation>La dirección de la nube empieza por https://. Detrás de un proxy de confianza, marque &quot;Permitir HTTP sin cifrar&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not an address a server can have.</source>
        <translation>Esta no es una dirección que pueda tener un servidor.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Signing in as %1…</source>
        <translation>Iniciando sesión como %1…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Working on this computer&apos;s copy: %1 Trying again in %2 s.</source>
        <translation>Trabajando con la copia de este equipo: %1 Nuevo intento en %2 s.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Opening the demo restaurant…</source>
        <translation>Abriendo el restaurante de demostración…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is a customer account. Little Lemon Desk is for the restaurant&apos;s staff: managers and delivery crew.</source>
        <translation>%1 es una cuenta de cliente. Little Lemon Desk es para el personal del restaurante: gerentes y repartidores.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Creating the restaurant…</source>
        <translation>Creando el restaurante…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Little Lemon cloud</source>
        <translation>Nube de Little Lemon</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open this computer&apos;s copy of the data: %1</source>
        <translation>No se puede abrir la copia de los datos de este equipo: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Changes waiting for the server…</source>
        <translation>Cambios pendientes del servidor…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh everything from the server</source>
        <translation>Actualizar todo desde el servidor</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; took over printing the kitchen&apos;s tickets; this terminal stopped printing them.</source>
        <translation>&quot;%1&quot; se encargó de imprimir las comandas de cocina; este terminal dejó de imprimirlas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Printers…</source>
        <translation>Impresoras…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Serve the restaurant&apos;s network…</source>
        <translation>Dar servicio a la red del restaurante…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opened from this computer&apos;s copy; signing in…</source>
        <translation>Abierto desde la copia de este equipo; iniciando sesión…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You were signed out: %1</source>
        <translation>Se cerró su sesión: %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::EightySixSchedule</name>
    <message>
        <location filename="../ui/eightysixschedule.cpp" line="+69"/>
        <source>This item is no longer on the menu.</source>
        <translation>Este plato ya no está en el menú.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::Language</name>
    <message>
        <location filename="../ui/language.cpp" line="+115"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>As the system (%1)</source>
        <translation>Como el sistema (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Little Lemon Desk will use the new language the next time it starts.</source>
        <translation>Little Lemon Desk usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+39"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Desk</source>
        <translation>&amp;Terminal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+141"/>
        <source>About Little Lemon Desk</source>
        <translation>Acerca de Little Lemon Desk</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+51"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&lt;b&gt;Little Lemon Desk %1&lt;/b&gt;&lt;p&gt;The staff terminal of the Little Lemon restaurant: orders, menu, bookings and staff, working offline and in sync.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Little Lemon Desk %1&lt;/b&gt;&lt;p&gt;El terminal del personal del restaurante Little Lemon: pedidos, menú, reservas y personal, funcionando sin conexión y sincronizado.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MenuItemDelegate</name>
    <message>
        <location filename="../ui/menuitemdelegate.cpp" line="+31"/>
        <source>A price such as %1: up to %2, 2 decimals at most</source>
        <translation>Un precio como %1: hasta %2, como máximo 2 decimales</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>86 until tonight</source>
        <translation>Agotado hasta el cierre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>86</source>
        <translation>Agotado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Featured</source>
        <translation>Destacado</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MenuItemDialog</name>
    <message>
        <location filename="../ui/menuitemdialog.cpp" line="+25"/>
        <source>Featured on the menu&apos;s front page</source>
        <translation>Destacado en la portada del menú</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New menu item</source>
        <translation>Nuevo plato del menú</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Title</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to the menu</source>
        <translation>Añadir al menú</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Price: %1</source>
        <translation>Precio: %1</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::MenuPage</name>
    <message>
        <location filename="../ui/menupage.cpp" line="+52"/>
        <source>Add item…</source>
        <translation>Añadir plato…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete item</source>
        <translation>Eliminar plato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories…</source>
        <translation>Categorías…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+86"/>
        <source>Search the menu</source>
        <translation>Buscar en el menú</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+202"/>
        <source>86 the item</source>
        <translation>Marcar como agotado</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Only until the end of the day</source>
        <translation>Solo hasta el final del día</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Add a menu item…</source>
        <translation>Añadir un plato al menú…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the menu item…</source>
        <translation>Eliminar el plato del menú…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo the last menu edit</source>
        <translation>Deshacer el último cambio del menú</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Menu categories…</source>
        <translation>Categorías del menú…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No menu edit to undo.</source>
        <translation>No hay cambios del menú para deshacer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That item is not shown any more; nothing undone.</source>
        <translation>Ese plato ya no se muestra; no se deshizo nada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undone: %1 is as it was.</source>
        <translation>Deshecho: %1 está como estaba.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Read only: %1</source>
        <translation>Solo lectura: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a dish or drink (Ctrl+N)</source>
        <translation>Añadir un plato o una bebida (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected item from the menu</source>
        <translation>Quitar del menú el plato seleccionado</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>86 until tonight</source>
        <translation>Agotado hasta el cierre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back on</source>
        <translation>Volver a ofrecer</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 is 86&apos;d until tonight; it comes back by itself tomorrow.</source>
        <translation>%1 está agotado hasta el cierre; vuelve solo mañana.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is 86&apos;d until someone puts it back.</source>
        <translation>%1 está agotado hasta que alguien lo vuelva a ofrecer.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select an item first.</source>
        <translation>Seleccione primero un plato.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Delete a menu item</source>
        <translation>Eliminar un plato del menú</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 from the menu? Orders that have it keep it.</source>
        <translation>¿Quitar %1 del menú? Los pedidos que ya lo tienen lo conservan.</translation>
    </message>
    <message>
        <location filename="../ui/menupage.h" line="+37"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::NetworkServeDialog</name>
    <message>
        <location filename="../ui/networkservedialog.cpp" line="+22"/>
        <source>Let other terminals on this network use this restaurant</source>
        <translation>Permitir que otros terminales de esta red usen este restaurante</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Serve the restaurant&apos;s network</source>
        <translation>Dar servicio a la red del restaurante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The restaurant&apos;s data is on this computer. Other terminals sign in with &quot;A Little Lemon server on this network&quot; and one of these addresses. Keep this computer on while they work.</source>
        <translation>Los datos del restaurante están en este equipo. Los demás terminales inician sesión con «Un servidor Little Lemon en esta red» y una de estas direcciones. Mantenga este equipo encendido mientras trabajan.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copy the address</source>
        <translation>Copiar la dirección</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not serving the network.</source>
        <translation>No está dando servicio a la red.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This computer has no network address other than itself.</source>
        <translation>Este equipo no tiene otra dirección de red que la suya propia.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderBoardPage</name>
    <message>
        <location filename="../ui/orderboardpage.cpp" line="+47"/>
        <source>New counter order</source>
        <translation>Nuevo pedido en mostrador</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Search orders: number, item, note, crew</source>
        <translation>Buscar pedidos: número, plato, nota, repartidor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the orders of one delivery person</source>
        <translation>Mostrar los pedidos de un repartidor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open + today&apos;s finished</source>
        <translation>Abiertos + terminados hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a day…</source>
        <translation>Elegir un día…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the newest order nobody has seen yet; click again for the one before</source>
        <translation>Selecciona el pedido más reciente que nadie ha visto aún; haga clic de nuevo para el anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Got it</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledge all the new orders (Ctrl+K)</source>
        <translation>Confirmar todos los pedidos nuevos (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Undo the last move</source>
        <translation>Deshacer el último movimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign delivery crew…</source>
        <translation>Asignar repartidor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the order</source>
        <translation>Cancelar el pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New counter order…</source>
        <translation>Nuevo pedido en mostrador…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledge new orders</source>
        <translation>Confirmar pedidos nuevos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search orders</source>
        <translation>Buscar pedidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order details</source>
        <translation>Detalles del pedido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Orders board settings…</source>
        <translation>Ajustes del tablero de pedidos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show cancelled orders</source>
        <translation>Mostrar pedidos cancelados</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>← → ↑ ↓</source>
        <translation>← → ↑ ↓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select an order (across columns with ← →)</source>
        <translation>Seleccionar un pedido (entre columnas con ← →)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter or Space</source>
        <translation>Intro o Espacio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected order to the next stage</source>
        <translation>Pasar el pedido seleccionado a la siguiente etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected order one stage back</source>
        <translation>Devolver el pedido seleccionado a la etapa anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click</source>
        <translation>Doble clic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the order in full</source>
        <translation>Mostrar el pedido completo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a card</source>
        <translation>Arrastrar una tarjeta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the order to the column it is dropped on</source>
        <translation>Llevar el pedido a la columna donde se suelte</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Take a walk-in or phone order (Ctrl+N)</source>
        <translation>Tomar un pedido en mostrador o por teléfono (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This server knows only open and delivered: the kitchen&apos;s stages, counter orders and cancelling need a Little Lemon server.</source>
        <translation>Este servidor solo conoce abierto y entregado: las etapas de cocina, los pedidos en mostrador y la cancelación necesitan un servidor Little Lemon.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Any crew</source>
        <translation>Cualquier repartidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No crew yet</source>
        <translation>Aún sin repartidor</translation>
    </message>
    <message>
        <location filename="../ui/orderboardactions.cpp" line="+76"/>
        <source>Order #%1: %2 (Ctrl+Z to undo)</source>
        <translation>Pedido #%1: %2 (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Order #%1 is %2: it cannot move on.</source>
        <translation>El pedido #%1 está en %2: no puede avanzar.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Order #%1 cannot go back from %2.</source>
        <translation>El pedido #%1 no puede retroceder desde %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No move to undo.</source>
        <translation>No hay ningún movimiento que deshacer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Order #%1 has changed since; nothing undone.</source>
        <translation>El pedido #%1 ha cambiado desde entonces; no se deshizo nada.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Order #%1 back to %2.</source>
        <translation>Pedido #%1 de vuelta a %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Order #%1: %2 will deliver it.</source>
        <translation>Pedido #%1: %2 lo entregará.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order #%1: nobody delivers it yet.</source>
        <translation>Pedido #%1: aún no lo reparte nadie.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+20"/>
        <source>Select an order first.</source>
        <translation>Seleccione primero un pedido.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Move to</source>
        <translation>Mover a</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../ui/orderboardarrivals.cpp" line="+91"/>
        <source>Order #%1 was cancelled on another terminal.</source>
        <translation>El pedido #%1 se canceló en otro terminal.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Order #%1 was removed on another terminal.</source>
        <translation>El pedido #%1 se eliminó en otro terminal.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n orders were removed on another terminal.</source>
        <translation>
            <numerusform>%n pedido se eliminó en otro terminal.</numerusform>
            <numerusform>%n pedidos se eliminaron en otro terminal.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+91"/>
        <source>%1 and %2 more</source>
        <translation>%1 y %2 más</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New order %1</source>
        <translation>Nuevo pedido %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 new orders — %2</source>
        <translation>%1 pedidos nuevos — %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>These orders are as of %1 and may have changed since.</source>
        <translation>Estos pedidos son de las %1 y pueden haber cambiado desde entonces.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has been read from the server yet: orders may be missing.</source>
        <translation>Aún no se ha leído nada del servidor: pueden faltar pedidos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not up to date: %1 %2 The board catches up by itself when the server answers again.</source>
        <translation>Desactualizado: %1 %2 El tablero se pone al día solo cuando el servidor vuelva a responder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not up to date: the last sync stopped. %1 %2 Press F5 to try again; if it keeps happening, tell whoever runs your server.</source>
        <translation>Desactualizado: la última sincronización se detuvo. %1 %2 Pulse F5 para reintentar; si sigue ocurriendo, avise a quien administra su servidor.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Order #%1 is hidden by the filters.</source>
        <translation>El pedido #%1 está oculto por los filtros.</translation>
    </message>
    <message>
        <location filename="../ui/orderboardpage.h" line="+48"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderCardDelegate</name>
    <message>
        <location filename="../ui/ordercarddelegate.cpp" line="+41"/>
        <source>just now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Out for delivery ›</source>
        <translation>En reparto ›</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>NEW</source>
        <translation>NUEVO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>crew assigned</source>
        <translation>repartidor asignado</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>no crew</source>
        <translation>sin repartidor</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderColumn</name>
    <message>
        <location filename="../ui/ordercolumn.cpp" line="+55"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OrderDetailsDialog</name>
    <message>
        <location filename="../ui/orderdetailsdialog.cpp" line="+21"/>
        <source>Order #%1</source>
        <translation>Pedido #%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New order</source>
        <translation>Nuevo pedido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This order is no longer here.</source>
        <translation>Este pedido ya no está aquí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date: %1</source>
        <translation>Fecha: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery: %1</source>
        <translation>Reparto: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery: nobody yet</source>
        <translation>Reparto: nadie todavía</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Item</source>
        <translation>Plato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>Precio unitario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1
  Note: %2</source>
        <translation>%1
  Nota: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History:
%1</source>
        <translation>Historial:
%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print ticket</source>
        <translation>Imprimir comanda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print receipt</source>
        <translation>Imprimir recibo</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n ticket(s) queued.</source>
        <translation>
            <numerusform>%n comanda en la cola de impresión.</numerusform>
            <numerusform>%n comandas en la cola de impresión.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>No printer is set up (Desk &gt; Printers).</source>
        <translation>No hay ninguna impresora configurada (Terminal &gt; Impresoras).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt queued.</source>
        <translation>Recibo en la cola de impresión.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::OutboxDialog</name>
    <message>
        <location filename="../ui/outboxdialog.cpp" line="+33"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Send again</source>
        <translation>Enviar de nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>Quedarme con el mío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take theirs</source>
        <translation>Quedarme con el del otro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Changes waiting for the server</source>
        <translation>Cambios pendientes del servidor</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Put a refused change back in the queue as it is</source>
        <translation>Volver a poner en la cola, tal cual, un cambio rechazado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget this change; the server&apos;s version stays</source>
        <translation>Olvidar este cambio; se queda la versión del servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send my change again on top of what the other person did</source>
        <translation>Enviar de nuevo mi cambio por encima del que hizo la otra persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop my change and keep the other person&apos;s</source>
        <translation>Descartar mi cambio y quedarme con el de la otra persona</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Offline. Changes are kept here and sent when the server is back.</source>
        <translation>Sin conexión. Los cambios se guardan aquí y se envían cuando vuelva el servidor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing with the server…</source>
        <translation>Sincronizando con el servidor…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online.</source>
        <translation>Conectado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last sync: %1.</source>
        <translation>Última sincronización: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not synced yet.</source>
        <translation>Aún sin sincronizar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing is waiting: the server has every change.</source>
        <translation>Nada pendiente: el servidor tiene todos los cambios.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not on the server yet: %1.</source>
        <translation>Aún no está en el servidor: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;i&gt;Select a change to see it in full.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Seleccione un cambio para verlo completo.&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;The server said: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;El servidor dijo: &lt;i&gt;%1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mine</source>
        <translation>El mío</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On the server now</source>
        <translation>En el servidor ahora</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;Waits for an earlier change to reach the server first.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Espera a que un cambio anterior llegue primero al servidor.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::PrintersDialog</name>
    <message>
        <location filename="../ui/printersdialog.cpp" line="+30"/>
        <source>Printers</source>
        <translation>Impresoras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each printer is a station. Categories print at the station chosen below; the rest at the first printer.</source>
        <translation>Cada impresora es una estación. Las categorías se imprimen en la estación elegida abajo; el resto en la primera impresora.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code page</source>
        <translation>Página de códigos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipts</source>
        <translation>Recibos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A network printer&apos;s address (host:port), a system printer&apos;s name, or a folder</source>
        <translation>La dirección de una impresora de red (host:puerto), el nombre de una impresora del sistema o una carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer&apos;s character table: CP858 for € and Western Europe, CP860 for Portuguese</source>
        <translation>La tabla de caracteres de la impresora: CP858 para € y Europa occidental, CP860 para portugués</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add printer</source>
        <translation>Añadir impresora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a test page</source>
        <translation>Imprimir página de prueba</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prints at</source>
        <translation>Se imprime en</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This terminal prints kitchen tickets for new orders</source>
        <translation>Este terminal imprime las comandas de cocina de los pedidos nuevos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn this on at one terminal of the restaurant only: each terminal with it on prints every new order.</source>
        <translation>Actívelo en un solo terminal del restaurante: cada terminal que lo tenga activo imprime todos los pedidos nuevos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Take over</source>
        <translation>Encargarse</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Network ESC/POS</source>
        <translation>ESC/POS en red</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>System printer</source>
        <translation>Impresora del sistema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF to a folder</source>
        <translation>PDF en una carpeta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>58 mm</source>
        <translation>58 mm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>80 mm</source>
        <translation>80 mm</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Add a printer first</source>
        <translation>Añada antes una impresora</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Row %1: each printer needs its own station name and an address, printer or folder.</source>
        <translation>Fila %1: cada impresora necesita su propio nombre de estación y una dirección, impresora o carpeta.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The printers could not be saved on this computer.</source>
        <translation>No se pudieron guardar las impresoras en este ordenador.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>This server does not record which terminal prints the kitchen&apos;s tickets: the choice is made per terminal, and Little Lemon Desk cannot check whether another terminal has it on. Turn it on at one terminal only.</source>
        <translation>Este servidor no registra qué terminal imprime las comandas de cocina: la elección se hace en cada terminal, y Little Lemon Desk no puede comprobar si otro terminal también la tiene activada. Actívela en un solo terminal.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not ask the server which terminal prints the kitchen&apos;s tickets: %1</source>
        <translation>No se pudo preguntar al servidor qué terminal imprime las comandas de cocina: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No terminal prints the kitchen&apos;s tickets at the moment.</source>
        <translation>Ahora mismo ningún terminal imprime las comandas de cocina.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+21"/>
        <source>This terminal (%1) prints the kitchen&apos;s tickets.</source>
        <translation>Este terminal (%1) imprime las comandas de cocina.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>The kitchen&apos;s tickets print at &quot;%1&quot;.</source>
        <translation>Las comandas de cocina se imprimen en &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&quot;%1&quot; already prints the kitchen&apos;s tickets. If this terminal printed them too, every ticket would come out twice, so it does not. Take over to print them here instead; &quot;%1&quot; then stops.</source>
        <translation>&quot;%1&quot; ya imprime las comandas de cocina. Si este terminal también las imprimiera, cada comanda saldría dos veces, así que no lo hace. Use Encargarse para imprimirlas aquí; &quot;%1&quot; dejará de hacerlo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not check with the server whether another terminal prints the kitchen&apos;s tickets, so this terminal does not print them yet: %1</source>
        <translation>No se pudo comprobar con el servidor si otro terminal imprime las comandas de cocina, así que este terminal aún no las imprime: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No printers on this terminal yet.</source>
        <translation>Todavía no hay impresoras en este terminal.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::ReportView</name>
    <message>
        <location filename="../ui/reportview.cpp" line="+49"/>
        <location line="+32"/>
        <location line="+1"/>
        <location line="+2"/>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+29"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+4"/>
        <source>Revenue</source>
        <translation>Ventas</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Average ticket</source>
        <translation>Ticket medio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>By category</source>
        <translation>Por categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By dish</source>
        <translation>Por plato</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Dish</source>
        <translation>Plato</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counter and online</source>
        <translation>Mostrador y en línea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken</source>
        <translation>Tomado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery crew</source>
        <translation>Repartidores</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median, received to delivered</source>
        <translation>Mediana, de recibido a entregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time in each stage</source>
        <translation>Tiempo en cada etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold out</source>
        <translation>Agotados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times</source>
        <translation>Veces</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Durante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Corrections to closed days</source>
        <translation>Correcciones de días cerrados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed day</source>
        <translation>Día cerrado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no longer on the menu)</source>
        <translation>(ya no está en la carta)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>At the counter</source>
        <translation>En el mostrador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (still sold out)</source>
        <translation> (sigue agotado)</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::ReportsPage</name>
    <message>
        <location filename="../ui/reportspage.cpp" line="+41"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show (X report)</source>
        <translation>Mostrar (informe X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The figures of the period, as they are now; nothing is stored.</source>
        <translation>Las cifras del periodo, tal como están ahora; no se guarda nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the day (Z)…</source>
        <translation>Cerrar el día (Z)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export the report as PDF</source>
        <translation>Exportar el informe en PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the report as CSV</source>
        <translation>Exportar el informe en CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the report</source>
        <translation>Mostrar el informe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the period&apos;s orders as CSV…</source>
        <translation>Exportar los pedidos del periodo en CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the orders as CSV</source>
        <translation>Exportar los pedidos en CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the period&apos;s order lines as CSV…</source>
        <translation>Exportar las líneas de pedido del periodo en CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the order lines as CSV</source>
        <translation>Exportar las líneas de pedido en CSV</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Store this day&apos;s figures for good as a numbered Z report.</source>
        <translation>Guardar para siempre las cifras de este día en un informe Z numerado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server keeps no Z reports (the cloud): the figures here are computed from this desk&apos;s copy of the orders.</source>
        <translation>Este servidor no guarda informes Z (la nube): las cifras se calculan a partir de la copia de los pedidos en este terminal.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the report from %1…</source>
        <translation>Leyendo el informe de %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Figures from %1.</source>
        <translation>Cifras de %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not answer (%1): figures computed from this desk&apos;s copy.</source>
        <translation>El servidor no respondió (%1): cifras calculadas a partir de la copia de este terminal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Figures computed from this desk&apos;s copy of the orders (this server keeps no reports; sold-out times are not known here).</source>
        <translation>Cifras calculadas a partir de la copia de los pedidos en este terminal (este servidor no guarda informes; aquí no se conocen los periodos agotados).</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n order(s) without a time of day are left out of the hours.</source>
        <translation>
            <numerusform>%n pedido sin hora queda fuera de las horas.</numerusform>
            <numerusform>%n pedidos sin hora quedan fuera de las horas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>Close the day</source>
        <translation>Cerrar el día</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Close %1 and store its Z report?</source>
        <translation>¿Cerrar %1 y guardar su informe Z?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The figures are stored for good and numbered; they can never be changed. A later change to one of that day&apos;s orders shows as a correction in the next open day&apos;s report.</source>
        <translation>Las cifras se guardan para siempre y numeradas; nunca se pueden cambiar. Un cambio posterior en un pedido de ese día aparece como corrección en el informe del siguiente día abierto.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is closed: Z report No. %2.</source>
        <translation>%1 está cerrado: informe Z n.º %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Saved %1.</source>
        <translation>%1 guardado.</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Cannot write %1.</source>
        <translation>No se puede escribir %1.</translation>
    </message>
    <message>
        <location filename="../ui/reportspage.h" line="+28"/>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcutsdialog.cpp" line="+31"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Everywhere</source>
        <translation>En todas partes</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::SignInDialog</name>
    <message>
        <location filename="../ui/signindialog.cpp" line="+53"/>
        <source>This computer (standalone)</source>
        <translation>Este equipo (independiente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Little Lemon server on this network</source>
        <translation>Un servidor Little Lemon en esta red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Little Lemon cloud</source>
        <translation>Nube de Little Lemon</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep me signed in on this computer</source>
        <translation>Mantener la sesión iniciada en este equipo</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <location line="+323"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="-318"/>
        <source>Little Lemon Desk</source>
        <translation>Little Lemon Desk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Address, e.g. 192.168.1.10:8000</source>
        <translation>Dirección, por ejemplo: 192.168.1.10:8000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Where does the restaurant&apos;s data live?</source>
        <translation>¿Dónde están los datos del restaurante?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Allow plain HTTP: unencrypted, only behind a proxy you trust</source>
        <translation>Permitir HTTP sin cifrar: solo detrás de un proxy de confianza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without HTTPS your password and the restaurant&apos;s data cross the network as they are.</source>
        <translation>Sin HTTPS, su contraseña y los datos del restaurante cruzan la red tal cual.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+38"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>e.g. Little Lemon Chicago</source>
        <translation>por ejemplo: Little Lemon Chicago</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at least 8 characters</source>
        <translation>al menos 8 caracteres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restaurant name</source>
        <translation>Nombre del restaurante</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Welcome! Nothing is set up on this computer yet. Name your restaurant and create the first manager (administrator) account: it can do everything, including adding staff.</source>
        <translation>¡Bienvenido! Aún no hay nada configurado en este equipo. Ponga nombre a su restaurante y cree la primera cuenta de gerente (administrador): puede hacerlo todo, incluso dar de alta al personal.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Manager (administrator) user name</source>
        <translation>Usuario del gerente (administrador)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Signs you in by itself next time, with a key kept in this computer&apos;s keychain (never your password).</source>
        <translation>La próxima vez inicia sesión solo, con una clave guardada en el llavero de este equipo (nunca su contraseña).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Standalone mode is not available in this build.</source>
        <translation>El modo independiente no está disponible en esta versión.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>This computer has no password keychain, so Little Lemon cannot keep you signed in: you will type your password each time it starts.</source>
        <translation>Este equipo no tiene un llavero de contraseñas, así que Little Lemon no puede mantener su sesión: escribirá su contraseña cada vez que se abra.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Create the restaurant</source>
        <translation>Crear el restaurante</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keeps the restaurant&apos;s data on this computer; no internet needed.</source>
        <translation>Guarda los datos del restaurante en este equipo; no necesita internet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting the restaurant&apos;s server on this computer…</source>
        <translation>Iniciando el servidor del restaurante en este equipo…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready. Data in %1</source>
        <translation>Listo. Datos en %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is ready. Data in %2</source>
        <translation>%1 está listo. Datos en %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The restaurant&apos;s server on this computer did not start: %1</source>
        <translation>El servidor del restaurante en este equipo no se inició: %1</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Trust this certificate and sign in</source>
        <translation>Confiar en este certificado y entrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the fingerprint matches the one your server shows:
%1</source>
        <translation>Solo si la huella digital coincide con la que muestra su servidor:
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server&apos;s certificate is not signed by an authority this computer knows. Trust it only if its SHA-256 fingerprint is the one your server shows: %1</source>
        <translation>El certificado de este servidor no está firmado por una autoridad que este equipo conozca. Confíe en él solo si su huella SHA-256 es la que muestra su servidor: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose where the restaurant&apos;s data lives: this computer, a server on this network or the cloud.</source>
        <translation>Elija dónde están los datos del restaurante: en este equipo, en un servidor de esta red o en la nube.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type the server&apos;s address, e.g. 192.168.1.10:8000.</source>
        <translation>Escriba la dirección del servidor, por ejemplo: 192.168.1.10:8000.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the cloud&apos;s address, e.g. https://…</source>
        <translation>Escriba la dirección de la nube, por ejemplo: https://…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the restaurant a name.</source>
        <translation>Ponga un nombre al restaurante.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a user name for the manager (administrator).</source>
        <translation>Elija un nombre de usuario para el gerente (administrador).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password needs at least 8 characters.</source>
        <translation>La contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::StaffPage</name>
    <message>
        <location filename="../ui/staffpage.cpp" line="+55"/>
        <source>Accounts on this computer</source>
        <translation>Cuentas en este equipo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+30"/>
        <source>New account…</source>
        <translation>Nueva cuenta…</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Reset password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+148"/>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>A deactivated account cannot sign in and is signed out of every terminal now.</source>
        <translation>Una cuenta desactivada no puede iniciar sesión y se cierra ahora en todos los terminales.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out everywhere</source>
        <translation>Cerrar sesión en todos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every terminal where this person is signed in asks for the password again.</source>
        <translation>Cada terminal donde esta persona inició sesión vuelve a pedir la contraseña.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete account…</source>
        <translation>Eliminar cuenta…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Accounts are managed on the cloud&apos;s own site: this desk cannot deactivate or delete an account, reset a password or sign someone out there.</source>
        <translation>Las cuentas se gestionan en el sitio propio de la nube: este mostrador no puede desactivar ni eliminar una cuenta, restablecer una contraseña ni cerrar la sesión de nadie allí.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts are managed on the restaurant&apos;s server with littlelemon-server user deactivate, delete or sign-out; this desk cannot do it from here.</source>
        <translation>Las cuentas se gestionan en el servidor del restaurante con littlelemon-server user deactivate, delete o sign-out; este mostrador no puede hacerlo desde aquí.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>User name to add</source>
        <translation>Nombre de usuario que añadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+189"/>
        <source>Remove from %1</source>
        <translation>Quitar de %1</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Add the person with this user name to %1</source>
        <translation>Añadir a %1 a la persona con este nombre de usuario</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>%1 removed from %2.</source>
        <translation>%1 ya no está en %2.</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is deactivated and signed out of every terminal.</source>
        <translation>%1 está desactivado y su sesión se cerró en todos los terminales.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is signed out of every terminal.</source>
        <translation>La sesión de %1 se cerró en todos los terminales.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete account</source>
        <translation>Eliminar cuenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the account %1? They are signed out everywhere and cannot sign in again. Their orders and bookings keep the name.</source>
        <translation>¿Eliminar la cuenta %1? Su sesión se cierra en todas partes y no podrá volver a entrar. Sus pedidos y reservas conservan el nombre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Account %1 deleted.</source>
        <translation>Cuenta %1 eliminada.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type the user name of the person to add.</source>
        <translation>Escriba el nombre de usuario de la persona que quiere añadir.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 added; the server confirms it with the next sync.</source>
        <translation>%1 añadido; el servidor lo confirma en la próxima sincronización.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove %1 from %2? They keep their account.</source>
        <translation>¿Quitar a %1 de %2? Conserva su cuenta.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (deactivated)</source>
        <translation>%1 (desactivada)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Account %1 created.</source>
        <translation>Cuenta %1 creada.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New password set for %1.</source>
        <translation>Nueva contraseña establecida para %1.</translation>
    </message>
    <message>
        <location filename="../ui/staffpage.h" line="+31"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::SyncStatusWidget</name>
    <message>
        <location filename="../ui/syncstatuswidget.cpp" line="+98"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync stopped</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>waiting: %1</source>
        <translation>pendientes: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refused: %1</source>
        <translation>rechazados: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to resolve: %1</source>
        <translation>por resolver: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all changes saved</source>
        <translation>todos los cambios guardados</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>not synced yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>synced just now</source>
        <translation>sincronizado ahora mismo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>synced %1 min ago</source>
        <translation>sincronizado hace %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last sync %1</source>
        <translation>última sincronización %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>live</source>
        <translation>en vivo</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>checking every %n s</source>
        <translation>
            <numerusform>comprobando cada %n s</numerusform>
            <numerusform>comprobando cada %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+6"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Click to see the changes waiting for the server.</source>
        <translation>Haga clic para ver los cambios pendientes del servidor.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Cloud: online</source>
        <translation>Nube: en línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud: online, 1 change waiting</source>
        <translation>Nube: en línea, 1 cambio pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud: online, %1 changes waiting</source>
        <translation>Nube: en línea, %1 cambios pendientes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cloud: offline since %1, 1 change waiting</source>
        <translation>Nube: sin conexión desde las %1, 1 cambio pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloud: offline since %1, %2 changes waiting</source>
        <translation>Nube: sin conexión desde las %1, %2 cambios pendientes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · 1 notice</source>
        <translation> · 1 aviso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 notices</source>
        <translation> · %1 avisos</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::TableOccupancyStrip</name>
    <message>
        <location filename="../ui/tableoccupancystrip.cpp" line="+139"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No table</source>
        <translation>Sin mesa</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>No tables yet</source>
        <translation>Aún no hay mesas</translation>
    </message>
</context>
<context>
    <name>LittleLemon::Ui::TablesDialog</name>
    <message>
        <location filename="../ui/tablesdialog.cpp" line="+29"/>
        <source>Add table</source>
        <translation>Añadir mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove table…</source>
        <translation>Quitar mesa…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tables</source>
        <translation>Mesas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New table, e.g. T7 or Terrace 2</source>
        <translation>Nueva mesa, p. ej. M7 o Terraza 2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> seats</source>
        <translation> plazas</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>To rename a table or change its seats, select it and press F2 or double-click.</source>
        <translation>Para renombrar una mesa o cambiar sus plazas, selecciónela y pulse F2 o haga doble clic.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is a table called %1 already.</source>
        <translation>Ya hay una mesa llamada %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Table %1 (%n seat(s)) added.</source>
        <translation>
            <numerusform>Mesa %1 (%n plaza) añadida.</numerusform>
            <numerusform>Mesa %1 (%n plazas) añadida.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Remove table</source>
        <translation>Quitar mesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove table %1? A table with bookings still to come stays until they are moved.</source>
        <translation>¿Quitar la mesa %1? Una mesa con reservas pendientes se queda hasta que se muevan.</translation>
    </message>
</context>
</TS>
